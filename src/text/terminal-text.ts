/**
 * Text from outside (journal fields, profile names, server answers) made safe to print on a
 * terminal: escape sequences and control characters are removed, so a VPN name cannot move the
 * cursor, recolour the screen or retitle the window.
 */
// CSI/OSC/other ESC sequences first, then any remaining C0/C1 control character (tab and newline included: one cell, one line).
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[@-Z\\-_])/g;
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

export function terminalText(value: string): string {
  return value.replace(ESCAPES, '').replace(CONTROLS, ' ');
}
