import ipaddr from "ipaddr.js";

// Only 2000::/3 is allocated as global unicast; ipaddr.js calls anything it has no name for
// "unicast", including the deprecated IPv4-compatible ::a.b.c.d block.
const IPV6_GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");

function ipv4From(bytes: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(bytes);
}

function ipv4Reason(address: ipaddr.IPv4, allowLoopback: boolean): string | null {
  const range = address.range();
  if (range === "unicast") return null;
  if (range === "loopback" && allowLoopback) return null;
  return range;
}

function embeddedReason(label: string, embedded: ipaddr.IPv4, allowLoopback: boolean): string | null {
  const reason = ipv4Reason(embedded, allowLoopback);
  return reason ? `${label} of ${embedded.toString()}: ${reason}` : null;
}

function ipv6Reason(address: ipaddr.IPv6, allowLoopback: boolean): string | null {
  const range: string = address.range();
  const bytes = address.toByteArray();
  switch (range) {
    case "loopback":
      return allowLoopback ? null : range;
    case "ipv4Mapped":
      return embeddedReason(range, ipv4From(bytes.slice(12)), allowLoopback);
    // A translator (SIIT, NAT64) or 6to4 relay reaches the embedded IPv4 from its own network, so
    // its loopback is never ours: the development exception does not carry over.
    case "rfc6145":
      return embeddedReason(range, ipv4From(bytes.slice(12)), false);
    case "rfc6052":
      if (!address.match(NAT64_WELL_KNOWN)) return range;
      return embeddedReason("nat64", ipv4From(bytes.slice(12)), false);
    case "6to4":
      return embeddedReason(range, ipv4From(bytes.slice(2, 6)), false);
    case "unicast":
      return address.match(IPV6_GLOBAL_UNICAST) ? null : "not global unicast";
    default:
      return range;
  }
}

/**
 * Why a callback may not connect to `ip`, or null when it may. Anything but public unicast is
 * refused; `allowLoopback` (an explicit development setting) lets 127/8 and ::1 through, nothing else.
 */
export function blockedReason(ip: string, allowLoopback: boolean): string | null {
  if (!ipaddr.isValid(ip)) return "not an IP address";
  const address = ipaddr.parse(ip);
  return address.kind() === "ipv4"
    ? ipv4Reason(address as ipaddr.IPv4, allowLoopback)
    : ipv6Reason(address as ipaddr.IPv6, allowLoopback);
}

export function isAllowedAddress(ip: string, allowLoopback: boolean): boolean {
  return blockedReason(ip, allowLoopback) === null;
}
