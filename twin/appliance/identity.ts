// What is fixed at manufacture: the serial number on the label, the MAC addresses and the
// activation code ("A unique code is assigned to each Appliance").
import { createHash } from 'node:crypto';

export interface Identity {
  serialNumber: number;
  lanMac: string;
  wanMac: string;
  activationCode: string;
}

/** Derives a unit's identity from its serial number, deterministically (ERRATA-014). */
export function identityOf(serialNumber: number): Identity {
  const digest = createHash('sha256').update(`qualys-scanner-appliance:${serialNumber}`).digest();
  // Locally administered unicast MACs (02:...), one per port.
  const mac = (port: number) => ['02', digest[0]!, digest[1]!, digest[2]!, digest[3]!, (digest[4]! & 0xfe) | port]
    .map((b) => (typeof b === 'string' ? b : b.toString(16).padStart(2, '0'))).join(':');
  const code = (digest.readBigUInt64BE(8) % 10n ** 12n).toString().padStart(12, '0');
  return { serialNumber, lanMac: mac(0), wanMac: mac(1), activationCode: code };
}
