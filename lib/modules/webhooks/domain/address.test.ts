import { describe, expect, it } from "vitest";
import { ipv6Groups, isInternalAddress, urlProblem } from "./address.ts";

describe("isInternalAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "0.0.0.0",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::",
    "::1",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:7f00:1",
    "64:ff9b::a00:1",
    "fe80::1%eth0",
    "not an address",
  ])("%s is internal", (ip) => {
    expect(isInternalAddress(ip)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450:4001::200e", "::ffff:8.8.8.8"])(
    "%s is public",
    (ip) => {
      expect(isInternalAddress(ip)).toBe(false);
    },
  );

  it("expands IPv6 forms, with an IPv4 tail too", () => {
    expect(ipv6Groups("::1")).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Groups("2001:db8::8:1")).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 8, 1]);
    expect(ipv6Groups("::ffff:192.168.0.1")).toEqual([0, 0, 0, 0, 0, 0xffff, 0xc0a8, 1]);
  });
});

describe("urlProblem", () => {
  it("takes http and https URLs", () => {
    expect(urlProblem("https://hooks.example.com/in")).toBeNull();
    expect(urlProblem("http://hooks.example.com:8080/in?x=1")).toBeNull();
  });

  it.each([
    ["ftp://example.com/x", /only http and https/i],
    ["file:///etc/passwd", /only http and https/i],
    ["javascript:alert(1)", /only http and https/i],
    ["example.com/hook", /absolute/i],
    ["https://user:pass@example.com/", /user name or password/i],
  ])("refuses %s", (url, message) => {
    expect(urlProblem(url)?.message).toMatch(message);
  });
});
