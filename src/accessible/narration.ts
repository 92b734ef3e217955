/**
 * What the accessible prompts say about the flow's state, as plain sentences: the waits ("Loading
 * VPNs…", then "Loaded 2 VPNs."), each answer once it is taken (typed, automatic or given up
 * front), and the notices. No symbol, colour or position carries meaning: every line is words.
 * Pure; every value from outside passes through terminalSafe here.
 */
import {firstOrderPath} from '../api/order-path.js';
import {canOrder} from '../api/schemas.js';
import type {Customer, Vpn} from '../api/types.js';
import {countryName, type CountryOption} from '../domain/countries.js';
import {countryLabel, vpnLabel} from '../domain/labels.js';
import {interruptWaitText} from '../errors.js';
import {placedListed, type WizardAnswers, type WizardState} from '../flow/state.js';
import {terminalSafe} from '../text/terminal-safe.js';
import {count, grouped} from '../text/plural.js';

const safe = terminalSafe;

export function customerText(c: Customer): string {
  return `${safe(c.name)}, code ${safe(c.customerCode)}${c.type ? `, ${safe(c.type)}` : ''}`;
}

/** "My VPN 1 (id aa76e66dfc63, code 1)", as everywhere (domain/labels.ts). */
export function vpnText(v: Vpn): string {
  return safe(vpnLabel(v, {code: true}));
}

export function countryText(c: CountryOption): string {
  return safe(countryLabel(c));
}

/** A wait the person is told about: `key` names it, so it is announced once. */
export interface Wait {
  key: string;
  text: string;
}

/** What the flow is waiting for before it can ask anything, or undefined. */
export function waitFor(state: WizardState): Wait | undefined {
  const {screen, data, answers} = state;
  switch (screen.kind) {
    case 'access':
      return data.me === undefined || data.me.status === 'loading' ? {key: 'me', text: 'Checking access (token, then GET /me)…'} : undefined;
    case 'customer':
      return data.customers === undefined || data.customers.status === 'loading' ? {key: 'customers', text: 'Loading customers (GET /customers)…'} : undefined;
    case 'vpn': {
      const code = answers.customer?.customerCode;
      const vpns = code === undefined ? undefined : data.vpns[code];
      if (code !== undefined && (vpns === undefined || vpns.status === 'loading')) return {key: `vpns:${code}`, text: `Loading the VPNs of ${safe(answers.customer!.name)} (every page of GET /customers/${safe(code)}/vpns)…`};
      return undefined;
    }
    case 'country': {
      if (!screen.chosen) return undefined;
      const entry = data.countries[screen.chosen];
      const name = countryName(screen.chosen) ?? screen.chosen;
      return entry === undefined || entry.status === 'loading' ? {key: `country:${screen.chosen}`, text: `Checking coverage in ${safe(name)} (GET /countries/${safe(screen.chosen)})…`} : undefined;
    }
    case 'site':
      return data.voicesites === undefined || data.voicesites.status === 'loading' ? {key: 'voicesites', text: 'Checking which voicesite names are taken (GET /voicesites)…'} : undefined;
    case 'submitting': {
      const name = safe(answers.site?.technicalSiteName ?? 'the site');
      if (screen.interrupted) return {key: `interrupted:${screen.attempt}`, text: interruptWaitText(screen.interrupted)};
      if (screen.mode === 'find') return {key: `find:${screen.attempt}`, text: `Looking for ${name} in GET /voicesites…`};
      if (screen.mode === 'resend' && screen.checking && !screen.resent) return {key: `resend-check:${screen.attempt}`, text: `Send again: reading the whole list of GET /voicesites first; ${name} is sent only if it is not there…`};
      if (screen.checking) return {key: `check:${screen.attempt}`, text: `The answer to the order was lost: looking for ${name} in GET /voicesites before anything else…`};
      const post = `POST ${safe(firstOrderPath(answers.customer?.customerCode ?? ''))}`;
      if (screen.resent) return {key: `resend:${screen.attempt}`, text: `${name} is not listed: sending the order again, once (${post})…`};
      return {key: `send:${screen.attempt}`, text: `Sending the order for ${name} (${post})…`};
    }
    case 'done':
      return placedListed(data, screen.placed.voiceSiteId).status === 'loading' ? {key: `listed:${screen.placed.voiceSiteId}`, text: 'Checking that GET /voicesites lists the new site…'} : undefined;
    default:
      return undefined;
  }
}

/** The sentence that closes an announced wait, from the state after it (undefined: the next screen says it). */
export function waitEnded(key: string, state: WizardState): string | undefined {
  const {data} = state;
  if (key === 'me') return data.me?.status === 'ready' ? `Access checked: rights profile ${safe(data.me.value.rightsProfile)}${canOrder(data.me.value) ? ', can order' : ', read-only'}.` : undefined;
  if (key === 'customers') return data.customers?.status === 'ready' ? `Loaded ${count(data.customers.value.length, 'customer', 'customers', grouped)}.` : undefined;
  if (key.startsWith('vpns:')) {
    const vpns = data.vpns[key.slice('vpns:'.length)];
    return vpns?.status === 'ready' ? `Loaded ${count(vpns.value.length, 'VPN', 'VPNs', grouped)}.` : undefined;
  }
  if (/^(send|check|find):/u.test(key) && state.screen.kind === 'done') return `The order was placed: voiceSiteId ${safe(state.screen.placed.voiceSiteId)}.`;
  if (key === 'voicesites') return data.voicesites?.status === 'ready' ? `Checked: the account has ${count(data.voicesites.value.length, 'voicesite', 'voicesites', grouped)}.` : undefined;
  return undefined;
}

/** A sentence for each answer that is new or changed since `before` (the person hears every answer taken). */
export function answerSentences(before: WizardAnswers, after: WizardAnswers): string[] {
  const lines: string[] = [];
  if (after.customer && after.customer.customerCode !== before.customer?.customerCode) {
    lines.push(`Customer: ${customerText(after.customer)}${after.customerAutomatic ? ', the only customer of this key' : ''}.`);
  }
  if (after.vpn && (after.vpn.vpnId !== before.vpn?.vpnId || after.customer?.customerCode !== before.customer?.customerCode)) lines.push(`VPN: ${vpnText(after.vpn)}.`);
  if (after.country && after.country.iso2 !== before.country?.iso2) {
    lines.push(`Country: ${countryText(after.country)}, Business Talk Online available.`);
  }
  const site = after.site;
  const old = before.site;
  if (site && (site.technicalSiteName !== old?.technicalSiteName || site.customerSiteLabel !== old.customerSiteLabel || site.customerOrderReference !== old.customerOrderReference)) {
    lines.push(`Site: label ${safe(site.customerSiteLabel)}, technical name ${safe(site.technicalSiteName)}, order reference ${safe(site.customerOrderReference)}.`);
  }
  return lines;
}
