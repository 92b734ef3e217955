/** "1 VPN", "2 VPNs": a number with its noun in the right form (shared with the commands). */
export {count} from '../text/plural.js';
