/**
 * The next site of a series: support staff order PARIS_01, PARIS_02... in one sitting. The next
 * technical name takes the next free number with the same width (PARIS_01 -> PARIS_02, skipping
 * names already taken); a name with no number gets one (PARIS_OFFICE -> PARIS_OFFICE_2). The label
 * follows: its number is the name's new one ("Paris 01" -> "Paris 02"); a label with no number
 * gets one only when the name had none either ("Paris office" -> "Paris office 2").
 */
import {checkSiteLabel, checkTechnicalSiteName} from './site-rules.js';

const NUMBERED = /^(.*?)(\d+)$/su;

function numbered(text: string): {stem: string; n: number; width: number} | undefined {
  const m = NUMBERED.exec(text);
  return m ? {stem: m[1]!, n: Number(m[2]!), width: m[2]!.length} : undefined;
}

/** Undefined when no next name fits the rules within 999 tries. */
export function nextInSeries(previous: {technicalSiteName: string; customerSiteLabel: string}, taken: (technicalSiteName: string) => boolean): {technicalSiteName: string; customerSiteLabel: string} | undefined {
  const name = numbered(previous.technicalSiteName);
  const label = numbered(previous.customerSiteLabel);
  const nameStem = name ? name.stem : `${previous.technicalSiteName}_`;
  const width = name?.width ?? 1;
  for (let n = (name?.n ?? 1) + 1; n < (name?.n ?? 1) + 1000; n++) {
    const technicalSiteName = `${nameStem}${String(n).padStart(width, '0')}`;
    if (checkTechnicalSiteName(technicalSiteName) !== undefined) return undefined;
    if (taken(technicalSiteName)) continue;
    const customerSiteLabel = label
      ? `${label.stem}${String(n).padStart(label.width, '0')}`
      : name
        ? previous.customerSiteLabel
        : `${previous.customerSiteLabel} ${n}`;
    if (checkSiteLabel(customerSiteLabel) !== undefined) return undefined;
    return {technicalSiteName, customerSiteLabel};
  }
  return undefined;
}
