import { BlockList, isIP } from 'node:net';

/**
 * What the emulator knows about addresses, standing in for PingOne's threat intelligence and
 * geolocation feeds. It is fixed so that a test or an example picks the answer by picking the address:
 *
 * 1. Anonymous networks (VPN, proxy, Tor): 198.51.100.0/24 and 2001:db8:dead::/48.
 * 2. Reputation scores (0 harmless … 100 worst): 203.0.113.0/24 scores 92, 198.51.100.0/24 scores 80,
 *    100.64.0.0/10 scores 60, every other address 5.
 * 3. A score below 55 is LOW, 55 to 77 MEDIUM, above 77 HIGH (PingOne's published bands).
 * 4. Locations: 192.0.2.0/25 Denver, 192.0.2.128/25 Boulder (39 km from Denver), 198.51.100.0/24
 *    Frankfurt, 203.0.113.0/24 Sydney. Other addresses have no known location.
 * 5. Anything that is not an IP address is in no network, scores 5 and has no location.
 */

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

export interface Location {
  city: string;
  state?: string;
  country: string;
  latitude: number;
  longitude: number;
}

const anonymousNetworks = ranges(['198.51.100.0/24', '2001:db8:dead::/48']);

const reputations: ReadonlyArray<readonly [BlockList, number]> = [
  [ranges(['203.0.113.0/24']), 92],
  [ranges(['198.51.100.0/24']), 80],
  [ranges(['100.64.0.0/10']), 60],
];

const locations: ReadonlyArray<readonly [BlockList, Location]> = [
  [
    ranges(['192.0.2.0/25']),
    { city: 'Denver', state: 'Colorado', country: 'US', latitude: 39.7392, longitude: -104.9903 },
  ],
  [
    ranges(['192.0.2.128/25']),
    { city: 'Boulder', state: 'Colorado', country: 'US', latitude: 40.015, longitude: -105.2705 },
  ],
  [ranges(['198.51.100.0/24']), { city: 'Frankfurt', country: 'DE', latitude: 50.1109, longitude: 8.6821 }],
  [ranges(['203.0.113.0/24']), { city: 'Sydney', country: 'AU', latitude: -33.8688, longitude: 151.2093 }],
];

export function isAnonymousNetwork(address: string): boolean {
  return contains(anonymousNetworks, address);
}

export function reputationScore(address: string): number {
  return reputations.find(([list]) => contains(list, address))?.[1] ?? 5;
}

export function reputationLevel(score: number): RiskLevel {
  if (score > 77) return 'HIGH';
  return score >= 55 ? 'MEDIUM' : 'LOW';
}

export function locate(address: string): Location | undefined {
  return locations.find(([list]) => contains(list, address))?.[1];
}

/** Whether the address lies in one of the CIDR ranges (a bare address is its own /32 or /128). */
export function inRanges(address: string, cidrs: readonly string[]): boolean {
  try {
    return contains(ranges(cidrs), address);
  } catch {
    return false;
  }
}

/** Whether a string is an IP address or a CIDR range the emulator can match against. */
export function isCidr(value: string): boolean {
  try {
    ranges([value]);
    return isIP(value.split('/')[0] ?? '') !== 0;
  } catch {
    return false;
  }
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(from: Location, to: Location): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const latitude = radians(to.latitude - from.latitude);
  const longitude = radians(to.longitude - from.longitude);
  const a =
    Math.sin(latitude / 2) ** 2 +
    Math.cos(radians(from.latitude)) * Math.cos(radians(to.latitude)) * Math.sin(longitude / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

function ranges(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = '', prefix] = cidr.split('/');
    const family = isIP(network) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(network, family);
    else list.addSubnet(network, Number(prefix), family);
  }
  return list;
}

function contains(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
