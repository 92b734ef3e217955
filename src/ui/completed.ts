/** The "✓ answer" lines for the steps already behind the person. */
import {countryLabel, customerLabel, vpnLabel} from '../domain/labels.js';
import type {WizardState} from '../flow/state.js';
import type {CompletedStep} from './components/completed-steps.js';
import {count} from './plural.js';

const ORDER = ['credentials', 'access', 'customer', 'vpn', 'country', 'site'] as const;

export function completedSteps(state: WizardState): CompletedStep[] {
  const at = ORDER.indexOf(state.screen.kind as (typeof ORDER)[number]);
  // From the review on, the screen itself lists every answer.
  if (at === -1) return [];
  const {answers} = state;
  const steps: CompletedStep[] = [];
  if (at > 1 && state.credentialsSaved) steps.push({step: 'Credentials', answer: 'checked and saved for this profile (next time they are not asked)'});
  if (at > 1 && answers.me) steps.push({step: 'Access', answer: `rights profile ${answers.me.rightsProfile} (can order)`});
  if (at > 1 && state.ordered.length > 0) {
    const names = state.ordered.map((o) => `${o.technicalSiteName} (${o.voiceSiteId})`).join(', ');
    steps.push({step: 'Ordered in this run', answer: `${count(state.ordered.length, 'site', 'sites')}: ${names}`});
  }
  if (at > 2 && answers.customer) {
    steps.push({step: 'Customer', answer: `${customerLabel(answers.customer)}${answers.customerAutomatic ? ', the only customer of this key' : ''}`});
  }
  if (at > 3 && answers.vpn) steps.push({step: 'VPN', answer: vpnLabel(answers.vpn)});
  if (at > 4 && answers.country) {
    steps.push({step: 'Country', answer: `${countryLabel(answers.country)}, Business Talk Online: Yes`});
  }
  return steps;
}
