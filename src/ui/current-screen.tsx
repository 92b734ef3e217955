/** The screen for the current state, with each callback turned into a fact for the reducer. */
import React from 'react';
import {countryName} from '../domain/countries.js';
import {countryLabel, customerLabel, vpnLabel} from '../domain/labels.js';
import type {Action} from '../flow/actions.js';
import {canGoBack} from '../flow/navigation.js';
import {orderBody, placedListed, type WizardState} from '../flow/state.js';
import {keychainNotice} from '../secrets/keychain-errors.js';
import {originAdvice, originLabel} from '../secrets/secret-origin.js';
import {AccessScreen} from './screens/access.js';
import {CountryScreen} from './screens/country.js';
import {CredentialsForm} from './screens/credentials.js';
import {CustomerScreen} from './screens/customer.js';
import {DoneScreen} from './screens/done.js';
import {OrderFailedScreen} from './screens/order-failed.js';
import {ReviewScreen} from './screens/review.js';
import {SiteScreen} from './screens/site.js';
import {SubmittingScreen} from './screens/submitting.js';
import {VpnScreen} from './screens/vpn.js';
import type {WizardSession} from './wizard-deps.js';

export interface CurrentScreenProps {
  state: WizardState;
  dispatch: (action: Action) => void;
  rows: number;
  /** The lines the screen may take; coverage, review and done scroll their body within them. */
  height: number;
  columns: number;
  now: Date;
  session: WizardSession;
  /** The order POST's bound, said while it is awaited. */
  orderTimeoutMs?: number | undefined;
}

export function CurrentScreen(props: CurrentScreenProps): React.JSX.Element | null {
  const {state, dispatch, rows} = props;
  const {screen, answers, data} = state;
  const quit = () => dispatch({type: 'quit-pressed'});
  const retry = () => dispatch({type: 'retry-pressed'});
  const back = () => dispatch({type: 'back-pressed'});
  const site = answers.site;
  const order = orderBody(answers);
  const details = (): Array<readonly [string, string]> => [
    ['Technical name', site?.technicalSiteName ?? ''],
    ['Site label', site?.customerSiteLabel ?? ''],
    ['Country', answers.country ? countryLabel(answers.country) : ''],
    ['VPN', answers.vpn ? vpnLabel(answers.vpn) : ''],
    ['Customer', answers.customer ? customerLabel(answers.customer, {type: true}) : ''],
    ['Order reference', site?.customerOrderReference ?? ''],
  ];

  switch (screen.kind) {
    case 'credentials': {
      // What was typed stays; only the field the rejection points at is emptied for retyping.
      const initial = screen.typed && screen.suspect ? {...screen.typed, [screen.suspect]: ''} : screen.typed;
      return (
        <CredentialsForm
          initial={initial}
          initialFocus={screen.suspect}
          onSubmit={(credentials) => dispatch({type: 'credentials-entered', credentials})}
          onCancel={canGoBack(state) ? back : quit}
          cancelLabel={canGoBack(state) ? 'back' : 'cancel'}
          error={screen.rejected}
          notice={props.session.keychainProblem ? keychainNotice(props.session.keychainProblem) : undefined}
        />
      );
    }
    case 'access': {
      // Where the key came from, so a read-only or refused key says what to change (a variable wins over the keychain).
      const origins = state.credentials ? props.session.origins?.(state.credentials) : undefined;
      return (
        <AccessScreen
          me={data.me}
          keyFrom={origins ? originLabel('apiKey', origins) : undefined}
          readOnlyAdvice={origins ? originAdvice({secrets: ['apiKey'], reason: 'rights'}, origins) : undefined}
          onRetry={retry}
          onOtherCredentials={() => dispatch({type: 'other-credentials-requested'})}
          onContinue={() => dispatch({type: 'access-continued'})}
          onQuit={quit}
        />
      );
    }
    case 'customer':
      return (
        <CustomerScreen
          customers={data.customers}
          vpns={data.vpns}
          initialCode={answers.customer?.customerCode}
          rows={rows}
          onChoose={(customer) => dispatch({type: 'customer-chosen', customer})}
          onHighlight={(c) => dispatch({type: 'customer-highlighted', customerCode: c.customerCode})}
          onBack={back}
          backLabel={state.detour ? 'cancel the edit' : 'back'}
          reason={screen.reason}
          onRetry={retry}
          onQuit={quit}
        />
      );
    case 'vpn': {
      const customer = answers.customer;
      if (!customer) return null;
      const vpns = data.vpns[customer.customerCode];
      // A VPN given up front (--vpn) is looked for in the whole list (its exact name may be on any
      // page): until then the pages in are not offered, or keys typed ahead for the steps after
      // would choose another VPN on them.
      const offered = state.given?.vpn !== undefined && vpns?.status === 'loading' ? {status: vpns.status, ...(vpns.since === undefined ? {} : {since: vpns.since})} : vpns;
      return (
        <VpnScreen
          key={customer.customerCode}
          customerName={customer.name}
          vpns={offered}
          initialId={answers.vpn?.vpnId}
          rows={rows}
          canGoBack={canGoBack(state)}
          backLabel={state.detour?.step === 'vpn' ? 'cancel the edit' : 'back'}
          reason={screen.reason}
          onChoose={(vpn) => dispatch({type: 'vpn-chosen', vpn})}
          onBack={back}
          onRetry={retry}
          onQuit={quit}
        />
      );
    }
    case 'country':
      return (
        <CountryScreen
          highlighted={screen.highlighted}
          chosen={screen.chosen}
          countries={data.countries}
          rows={rows}
          height={props.height}
          columns={props.columns}
          onHighlight={(iso2) => dispatch({type: 'country-highlighted', iso2})}
          onChoose={(iso2) => dispatch({type: 'country-chosen', iso2})}
          onAccept={() => dispatch({type: 'coverage-accepted'})}
          onBack={back}
          backLabel={state.detour?.step === 'country' ? 'cancel the edit' : 'back'}
          reason={screen.reason}
          onRetry={retry}
          onQuit={quit}
        />
      );
    case 'site':
      if (!answers.country || !answers.customer) return null;
      return (
        <SiteScreen
          countryName={countryName(answers.country.iso2) ?? answers.country.name}
          customerCode={answers.customer.customerCode}
          initial={site ?? state.siteDraft}
          voicesites={data.voicesites}
          ordered={state.ordered}
          now={props.now}
          onSubmit={(value) => dispatch({type: 'site-entered', site: value})}
          onBack={back}
          backLabel={state.detour?.step === 'site' ? 'cancel the edit' : 'back'}
        />
      );
    case 'review': {
      if (!order) return null;
      const customers = data.customers?.status === 'ready' ? data.customers.value : [];
      return (
        <ReviewScreen
          target={`${props.session.profile} · ${props.session.emulated ? 'sandbox' : props.session.environment.name} (${props.session.environment.baseUrl})`}
          customer={answers.customer ? customerLabel(answers.customer, {type: true}) : ''}
          vpn={answers.vpn ? vpnLabel(answers.vpn) : ''}
          country={details()[2]![1]}
          customerCode={order.customerCode}
          body={order.body}
          showJson={screen.showJson}
          height={props.height}
          customerEditable={customers.length > 1}
          onSubmit={() => dispatch({type: 'submit-pressed'})}
          onEdit={(step) => dispatch({type: 'edit-requested', step})}
          onToggleJson={() => dispatch({type: 'json-toggled'})}
          onCancel={quit}
          onBack={back}
        />
      );
    }
    case 'submitting':
      return <SubmittingScreen technicalSiteName={site?.technicalSiteName ?? ''} customerCode={answers.customer?.customerCode ?? ''} mode={screen.mode} checking={screen.checking} resent={screen.resent} interrupted={screen.interrupted} orderTimeoutMs={props.orderTimeoutMs} />;
    case 'order-failed':
      return (
        <OrderFailedScreen
          error={screen.error}
          checked={screen.checked}
          technicalSiteName={site?.technicalSiteName ?? ''}
          onResend={() => dispatch({type: 'submit-pressed'})}
          onRecheck={() => dispatch({type: 'recheck-pressed'})}
          onSendAgain={() => dispatch({type: 'send-again-chosen'})}
          onEdit={back}
          onQuit={quit}
        />
      );
    case 'done':
      return (
        <DoneScreen
          placed={screen.placed}
          listed={placedListed(state.data, screen.placed.voiceSiteId)}
          details={details()}
          orderedCount={state.ordered.length}
          height={props.height}
          onExit={quit}
          onRecheck={retry}
          onAnother={(change) => dispatch(change ? {type: 'another-order-requested', change} : {type: 'another-order-requested'})}
        />
      );
    case 'exit':
      return null;
    default: {
      const never: never = screen;
      return never;
    }
  }
}
