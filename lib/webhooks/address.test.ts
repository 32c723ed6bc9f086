import { describe, expect, it } from "vitest";
import { blockedReason, isAllowedAddress } from "./address";

describe("isAllowedAddress", () => {
  it.each([
    // address, allowed in production, allowed with allowLoopback
    ["8.8.8.8", true, true],
    ["93.184.216.34", true, true],
    ["172.15.255.255", true, true],
    ["172.32.0.1", true, true],
    ["100.63.255.255", true, true],
    ["100.128.0.1", true, true],
    ["2606:4700:4700::1111", true, true],
    ["2a00:1450:4001:80b::200e", true, true],
    ["::ffff:8.8.8.8", true, true],
    ["64:ff9b::808:808", true, true],
    ["2002:808:808::1", true, true],
    ["127.0.0.1", false, true],
    ["127.255.255.254", false, true],
    ["::1", false, true],
    ["::ffff:127.0.0.1", false, true],
    ["10.0.0.1", false, false],
    ["172.16.0.1", false, false],
    ["172.31.255.255", false, false],
    ["192.168.1.1", false, false],
    ["169.254.169.254", false, false],
    ["169.254.0.1", false, false],
    ["0.0.0.0", false, false],
    ["0.1.2.3", false, false],
    ["100.64.0.1", false, false],
    ["100.127.255.255", false, false],
    ["224.0.0.1", false, false],
    ["239.255.255.250", false, false],
    ["255.255.255.255", false, false],
    ["240.0.0.1", false, false],
    ["192.0.2.10", false, false],
    ["198.18.0.1", false, false],
    ["::", false, false],
    ["fe80::1", false, false],
    ["fe80::1%eth0", false, false],
    ["fc00::1", false, false],
    ["fd12:3456:789a::1", false, false],
    ["ff02::1", false, false],
    ["::ffff:10.0.0.1", false, false],
    ["::ffff:169.254.169.254", false, false],
    ["::ffff:0.0.0.0", false, false],
    ["::ffff:0:7f00:1", false, false],
    ["::ffff:0:808:808", true, true],
    ["::7f00:1", false, false],
    ["::a00:1", false, false],
    ["64:ff9b::7f00:1", false, false],
    ["64:ff9b::a00:1", false, false],
    ["64:ff9b:1::a00:1", false, false],
    ["2002:7f00:1::", false, false],
    ["2002:a9fe:a9fe::", false, false],
    ["2001::1", false, false],
    ["2001:db8::1", false, false],
    ["100::1", false, false],
    ["2130706433", false, true],
    ["0x7f000001", false, true],
    ["0177.0.0.1", false, true],
    ["not-an-ip", false, false],
    ["", false, false],
  ])("%s: allowed %s, with allowLoopback %s", (ip, allowed, allowedWithLoopback) => {
    expect(isAllowedAddress(ip, false)).toBe(allowed);
    expect(isAllowedAddress(ip, true)).toBe(allowedWithLoopback);
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["::ffff:127.0.0.1", "ipv4Mapped of 127.0.0.1: loopback"],
    ["64:ff9b::a9fe:a9fe", "nat64 of 169.254.169.254: linkLocal"],
    ["2002:a00:1::", "6to4 of 10.0.0.1: private"],
    ["::7f00:1", "not global unicast"],
  ])("names why %s is refused", (ip, reason) => {
    expect(blockedReason(ip, false)).toBe(reason);
  });
});
