/**
 * What each step of the flow says and asks in accessible mode: the same screens as the Ink
 * wizard (src/ui/current-screen.tsx), as sentences and numbered choices, each answer turned into
 * the same fact for the reducer. The credentials and the site names are forms (forms.ts).
 */
import {canOrder, isCovered} from '../api/schemas.js';
import type {Customer, Vpn} from '../api/types.js';
import {coverageComment, coverageEntries} from '../domain/coverage-view.js';
import {countryLabel} from '../domain/labels.js';
import {firstOrderPath} from '../api/order-path.js';
import {allCountries, countryName, resolveCountry, searchCountries, type CountryOption} from '../domain/countries.js';
import {formatError, type BtalkError} from '../errors.js';
import {filterCustomers, filterVpns} from '../flow/choices.js';
import {orderBody, placedListed} from '../flow/state.js';
import {terminalSafe, terminalSafeJson} from '../text/terminal-safe.js';
import {countryText, customerText, vpnText} from './narration.js';
import {count, grouped} from '../text/plural.js';
import {listTurn, menuTurn, type Turn} from './turn.js';

const safe = terminalSafe;

function errorIntro(error: BtalkError, title?: string): string[] {
  return [...(title ? [title] : []), ...formatError(error).map((line) => line.trim())];
}

/** A list that failed to load: the error, then try again or quit. */
function failedList(turn: Turn, error: BtalkError): Promise<void> {
  return menuTurn(turn, errorIntro(error), [
    {label: 'Try again', run: () => turn.dispatch({type: 'retry-pressed'})},
    {label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})},
  ]);
}

export function accessTurn(turn: Turn): Promise<void> {
  const me = turn.state.data.me;
  const quit = {label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})};
  const other = {label: 'Enter other credentials', run: () => turn.dispatch({type: 'other-credentials-requested'})};
  if (me?.status === 'failed') {
    return menuTurn(turn, errorIntro(me.error, 'The access check failed.'), [{label: 'Try again', run: () => turn.dispatch({type: 'retry-pressed'})}, other, quit]);
  }
  if (me?.status === 'ready' && !canOrder(me.value)) {
    return menuTurn(
      turn,
      [
        `This API key is read-only (rights profile "${safe(me.value.rightsProfile)}"): it cannot order voicesites.`,
        'To get an order-capable key: sign in to the Business Talk Online portal, open the Developer tab, create an API key with ordering rights, then enter it here (or run "btalk login").',
      ],
      [other, quit],
    );
  }
  return menuTurn(turn, [`Access: rights profile ${me?.status === 'ready' ? safe(me.value.rightsProfile) : ''}, can order.`], [
    {label: 'Continue with these credentials', run: () => turn.dispatch({type: 'access-continued'})},
    other,
    quit,
  ]);
}

export function customerTurn(turn: Turn): Promise<void> {
  const {data, answers, screen} = turn.state;
  const list = data.customers;
  if (list?.status === 'failed') return failedList(turn, list.error);
  const customers = list?.status === 'ready' ? list.value : [];
  if (customers.length === 0) return menuTurn(turn, ['No customer is linked to this API key. Ask your Orange contact to attach the key to a customer.'], [{label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})}]);
  const label = (c: Customer) => {
    const vpns = data.vpns[c.customerCode];
    return `${customerText(c)}${vpns?.status === 'ready' ? `, ${count(vpns.value.length, 'VPN', 'VPNs', grouped)}` : ''}`;
  };
  const current = answers.customer ? customers.find((c) => c.customerCode === answers.customer!.customerCode) : undefined;
  return listTurn(
    turn,
    ['Which customer is the voicesite for?', ...(screen.kind === 'customer' && screen.reason ? [`Note: ${safe(screen.reason)}`] : [])],
    {noun: ['customer', 'customers'], items: customers, label, filter: filterCustomers, exact: (items, text) => items.find((c) => c.customerCode === text.trim()), typeWhat: 'part of a name or code'},
    current ? {item: current, text: safe(current.name)} : undefined,
    (customer) => turn.dispatch({type: 'customer-chosen', customer}),
  );
}

export function vpnTurn(turn: Turn): Promise<void> {
  const {data, answers, screen} = turn.state;
  const customer = answers.customer;
  if (!customer) return Promise.resolve();
  const list = data.vpns[customer.customerCode];
  if (list?.status === 'failed') return failedList(turn, list.error);
  const vpns = list?.status === 'ready' ? list.value : [];
  if (vpns.length === 0) {
    return menuTurn(turn, [`${safe(customer.name)} has no VPN, and a voicesite must join one. Ask your Orange contact to set up a Business VPN first.`], [{label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})}]);
  }
  const current = answers.vpn ? vpns.find((v) => v.vpnId === answers.vpn!.vpnId) : undefined;
  const exact = (items: readonly Vpn[], text: string) => {
    const t = text.trim().toLowerCase();
    return items.find((v) => v.vpnId.toLowerCase() === t || v.vpnCode?.toLowerCase() === t || v.name.toLowerCase() === t);
  };
  return listTurn(
    turn,
    [`Which VPN of ${safe(customer.name)} should the site join?`, ...(screen.kind === 'vpn' && screen.reason ? [`Note: ${safe(screen.reason)}`] : [])],
    {noun: ['VPN', 'VPNs'], items: vpns, label: vpnText, filter: filterVpns, exact, typeWhat: 'part of a name, code or id'},
    current ? {item: current, text: safe(current.name)} : undefined,
    (vpn) => turn.dispatch({type: 'vpn-chosen', vpn}),
  );
}

export function countryTurn(turn: Turn): Promise<void> {
  const {screen, data, answers} = turn.state;
  if (screen.kind !== 'country') return Promise.resolve();
  if (screen.chosen) return coverageTurn(turn, screen.chosen);
  const label = (c: CountryOption) => {
    const entry = data.countries[c.iso2];
    return `${countryText(c)}${entry?.status === 'ready' ? (isCovered(entry.value) ? ', covered' : ', not covered') : ''}`;
  };
  // Only a country already accepted is offered again (a highlighted one may not be covered).
  const iso2 = answers.country?.iso2;
  const current = iso2 ? allCountries().find((c) => c.iso2 === iso2) : undefined;
  return listTurn(
    turn,
    ['In which country is the site?', ...(screen.reason ? [`Note: ${safe(screen.reason)}`] : [])],
    {
      noun: ['country', 'countries'],
      items: allCountries(),
      label,
      filter: (items, text) => searchCountries(text, items),
      exact: (_items, text) => resolveCountry(text.trim()),
      typeWhat: 'a country name, in English or French, or its code',
    },
    current ? {item: current, text: safe(current.name)} : undefined,
    (country) => turn.dispatch({type: 'country-chosen', iso2: country.iso2}),
  );
}

function coverageTurn(turn: Turn, iso2: string): Promise<void> {
  const entry = turn.state.data.countries[iso2];
  const back = () => turn.dispatch({type: 'back-pressed'});
  if (entry?.status === 'failed') {
    return menuTurn(turn, errorIntro(entry.error, `Coverage of ${safe(countryName(iso2) ?? iso2)}:`), [
      {label: 'Try again', run: () => turn.dispatch({type: 'retry-pressed'})},
      {label: 'Pick another country', run: back},
      {label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})},
    ]);
  }
  if (entry?.status !== 'ready') return Promise.resolve();
  const country = entry.value;
  const comment = coverageComment(country);
  const lines = [
    `Coverage in ${safe(country.name)} (${safe(country.iso2)}${country.countryCode ? `, dial code +${safe(String(country.countryCode))}` : ''}):`,
    ...coverageEntries(country).map((e) => `${e.label}: ${e.value}`),
    ...(comment ? comment.split('\n').map((line, i) => (i === 0 ? `Comment: ${line}` : line)) : []),
  ];
  if (!isCovered(country)) {
    turn.say(...lines, `Business Talk Online is not available in ${safe(country.name)}, so no voicesite can be ordered there. Pick another country.`);
    back();
    return Promise.resolve();
  }
  const accept = () => turn.dispatch({type: 'coverage-accepted'});
  return menuTurn(
    turn,
    [...lines, `Business Talk Online is available in ${safe(country.name)}.`],
    [
      {label: `Continue with ${safe(country.name)}`, run: accept},
      {label: 'Pick another country', run: back},
    ],
    {question: 'Press Enter to continue, or type a number.', onEnter: accept},
  );
}

export async function reviewTurn(turn: Turn): Promise<void> {
  const {answers, data} = turn.state;
  const order = orderBody(answers);
  if (!order) return;
  const {session} = turn;
  const customers = data.customers?.status === 'ready' ? data.customers.value : [];
  const edits = [
    ...(customers.length > 1 ? [{label: 'Edit the customer', run: () => turn.dispatch({type: 'edit-requested', step: 'customer'})}] : []),
    {label: 'Edit the VPN', run: () => turn.dispatch({type: 'edit-requested', step: 'vpn'})},
    {label: 'Edit the country', run: () => turn.dispatch({type: 'edit-requested', step: 'country'})},
    {label: 'Edit the names and the reference', run: () => turn.dispatch({type: 'edit-requested', step: 'site'})},
    {label: 'Show the exact JSON body', run: () => turn.say(`The body of POST ${safe(firstOrderPath(order.customerCode))}:`, ...terminalSafeJson(order.body, 2).split('\n'))},
    {label: 'Cancel, nothing is ordered', run: () => turn.dispatch({type: 'quit-pressed'})},
  ] as const;
  if (turn.fresh) {
    const p = order.body.parameters;
    turn.say(
      'Review the order. Nothing is sent until you type yes.',
      `Profile and environment: ${safe(session.profile)}, ${session.emulated ? 'sandbox' : safe(session.environment.name)} (${safe(session.environment.baseUrl)})`,
      `Customer: ${answers.customer ? customerText(answers.customer) : ''}`,
      `VPN: ${answers.vpn ? vpnText(answers.vpn) : ''}`,
      `Country: ${safe(countryLabel({iso2: p.country, name: answers.country?.name ?? p.country}))}`,
      `Technical name: ${safe(p.technicalSiteName)}`,
      `Site label: ${safe(p.customerSiteLabel)}`,
      `Order reference: ${safe(order.body.customerOrderReference)}`,
      'Other choices:',
      ...edits.map((e, i) => `${i + 1}) ${e.label}`),
    );
  }
  const reply = await turn.ask(`Send this order? Type yes to send it, or a number for another choice. Type back to go back to the names, or quit to cancel.`);
  if (reply === undefined) return;
  const text = reply.trim().toLowerCase();
  if (text === 'yes' || text === 'y') return turn.dispatch({type: 'submit-pressed'});
  const n = /^\d+$/u.test(text) ? Number(text) : undefined;
  const edit = n === undefined ? undefined : edits[n - 1];
  if (edit) return edit.run();
  turn.say(text === 'no' || text === 'n' || text === '' ? 'Not sent.' : `"${safe(reply.trim())}" is not a choice: type yes to send the order, or a number from 1 to ${edits.length}.`);
}

export function orderFailedTurn(turn: Turn): Promise<void> {
  const {screen, answers} = turn.state;
  if (screen.kind !== 'order-failed') return Promise.resolve();
  const name = safe(answers.site?.technicalSiteName ?? 'the site');
  const unknown = screen.error.outcomeUnknown;
  const said = unknown
    ? `Nobody knows yet whether ${name} was created. Do not send it again before checking.`
    : screen.checked
      ? `The API refused the order before processing it, and GET /voicesites, searched afterwards, does not list ${name}: it was NOT created; sending it again is safe.`
      : `Nothing was created for ${name}.`;
  const quit = {label: 'Quit', run: () => turn.dispatch({type: 'quit-pressed'})};
  return menuTurn(
    turn,
    ['The order did not go through.', ...errorIntro(screen.error), said],
    unknown
      ? [
          {label: `Check again whether ${name} exists`, run: () => turn.dispatch({type: 'recheck-pressed'})},
          {label: `Send again: checks the whole list first; sends only if ${name} is not there`, run: () => turn.dispatch({type: 'send-again-chosen'})},
          quit,
        ]
      : [{label: 'Send the order again', run: () => turn.dispatch({type: 'submit-pressed'})}, {label: 'Edit the order', run: () => turn.dispatch({type: 'back-pressed'})}, quit],
  );
}

export function doneTurn(turn: Turn): Promise<void> {
  const {screen, answers, data, ordered} = turn.state;
  if (screen.kind !== 'done') return Promise.resolve();
  const {placed} = screen;
  const listed = placedListed(data, placed.voiceSiteId);
  const site = answers.site;
  const lines = [
    `Voicesite ordered. voiceSiteId: ${safe(placed.voiceSiteId)}`,
    ...(placed.recovered ? ['The answer to the order was lost, but the site exists (found by its technical name): it was ordered once.'] : []),
    `Technical name: ${safe(site?.technicalSiteName ?? '')}`,
    `Site label: ${safe(site?.customerSiteLabel ?? '')}`,
    `Order reference: ${safe(site?.customerOrderReference ?? '')}`,
    ...(placed.order?.orderId !== undefined ? [`Order id: ${safe(String(placed.order.orderId))}`] : []),
    ...(placed.order?.status !== undefined ? [`Order status: ${safe(String(placed.order.status))}`] : []),
    listed.status === 'ready'
      ? listed.value
        ? 'GET /voicesites lists the new site.'
        : 'GET /voicesites does not list it yet: delivery can take a moment; run "btalk voicesites" later.'
      : listed.status === 'failed'
        ? `Could not check GET /voicesites: ${safe(listed.error.message)}`
        : '',
    `${count(ordered.length, 'site', 'sites', grouped)} ordered in this run.`,
  ].filter((line) => line !== '');
  const another = (change?: 'vpn' | 'country') => turn.dispatch(change ? {type: 'another-order-requested', change} : {type: 'another-order-requested'});
  return menuTurn(turn, [...lines, 'What next?'], [
    {label: 'Order another site with the same customer, VPN and country', run: () => another()},
    {label: 'Order another site, in another VPN', run: () => another('vpn')},
    {label: 'Order another site, in another country', run: () => another('country')},
    {label: `Exit (the ${ordered.length === 1 ? 'voiceSiteId stays' : 'voiceSiteIds stay'} printed)`, run: () => turn.dispatch({type: 'quit-pressed'})},
    ...(listed.status === 'failed' ? [{label: 'Check GET /voicesites again', run: () => turn.dispatch({type: 'retry-pressed'})}] : []),
  ]);
}
