import { describe, expect, it } from "vitest";
import { balanceNotices, DEFAULT_NOTIFY_BELOW_MICROS, lowBalanceThresholdMicros, type NoticeInput } from "./notices";

const USD = 1_000_000;
const base: NoticeInput = {
  availableMicros: 50 * USD,
  autoRechargeEnabled: false,
  autoRechargeThresholdMicros: null,
  notifyBelowMicros: null,
  caps: { dailyMicros: null, monthlyMicros: null },
  spent: { todayMicros: 0, monthMicros: 0 },
  cheapestJobMicros: 14_000,
};
const kinds = (input: Partial<NoticeInput>) => balanceNotices({ ...base, ...input }).map((n) => n.kind);

describe("lowBalanceThresholdMicros", () => {
  it.each([
    ["the default when nothing is set", {}, DEFAULT_NOTIFY_BELOW_MICROS],
    ["the account's own", { notifyBelowMicros: 7 * USD }, 7 * USD],
    ["auto-recharge's while it is on", { autoRechargeEnabled: true, autoRechargeThresholdMicros: 20 * USD, notifyBelowMicros: 7 * USD }, 20 * USD],
    ["the account's own while auto-recharge is off", { autoRechargeEnabled: false, autoRechargeThresholdMicros: 20 * USD, notifyBelowMicros: 7 * USD }, 7 * USD],
    ["a zero notice: never warned", { notifyBelowMicros: 0 }, 0],
  ])("%s", (_, settings, expected) => {
    expect(lowBalanceThresholdMicros({ ...base, ...settings })).toBe(expected);
  });
});

describe("balanceNotices", () => {
  it("shows nothing above the threshold with no cap reached", () => {
    expect(kinds({})).toEqual([]);
    expect(kinds({ availableMicros: DEFAULT_NOTIFY_BELOW_MICROS })).toEqual([]);
  });

  it("warns just below the threshold, with a link to top up", () => {
    expect(kinds({ availableMicros: DEFAULT_NOTIFY_BELOW_MICROS - 1 })).toEqual(["low_balance"]);
    expect(balanceNotices({ ...base, availableMicros: DEFAULT_NOTIFY_BELOW_MICROS - 5000 })).toEqual([
      { kind: "low_balance", message: "Your balance is $1.995, below $2.00.", action: { href: "/dashboard/billing", label: "Top up" } },
    ]);
    expect(balanceNotices({ ...base, availableMicros: 1_250_000 })[0]!.message).toBe("Your balance is $1.25, below $2.00.");
  });

  it("says that jobs are refused at or below zero", () => {
    expect(balanceNotices({ ...base, availableMicros: -3 * USD })[0]!.message).toBe("Your balance is -$3.00: new jobs are refused until you top up.");
    expect(balanceNotices({ ...base, availableMicros: 0 })[0]!.message).toMatch(/new jobs are refused/);
  });

  it("uses auto-recharge's threshold while it is on", () => {
    expect(kinds({ availableMicros: 9 * USD, autoRechargeEnabled: true, autoRechargeThresholdMicros: 10 * USD })).toEqual(["low_balance"]);
    expect(kinds({ availableMicros: 9 * USD, autoRechargeEnabled: false, autoRechargeThresholdMicros: 10 * USD })).toEqual([]);
  });

  it.each([
    ["daily cap spent exactly", { dailyMicros: 5 * USD, monthlyMicros: null }, { todayMicros: 5 * USD, monthMicros: 5 * USD }, ["daily_cap"]],
    ["daily cap with less than the cheapest job left", { dailyMicros: 5 * USD, monthlyMicros: null }, { todayMicros: 5 * USD - 13_999, monthMicros: 0 }, ["daily_cap"]],
    ["daily cap with room for the cheapest job", { dailyMicros: 5 * USD, monthlyMicros: null }, { todayMicros: 5 * USD - 14_000, monthMicros: 0 }, []],
    ["monthly cap reached", { dailyMicros: null, monthlyMicros: 50 * USD }, { todayMicros: 1, monthMicros: 50 * USD }, ["monthly_cap"]],
    ["both reached: the monthly one says more", { dailyMicros: 5 * USD, monthlyMicros: 5 * USD }, { todayMicros: 5 * USD, monthMicros: 5 * USD }, ["monthly_cap"]],
    ["a zero cap is reached at once", { dailyMicros: 0, monthlyMicros: null }, { todayMicros: 0, monthMicros: 0 }, ["daily_cap"]],
  ])("%s", (_, caps, spent, expected) => {
    expect(kinds({ caps, spent })).toEqual(expected);
  });

  it("a cap notice links to where caps are raised, after the balance notice", () => {
    const notices = balanceNotices({ ...base, availableMicros: 1, caps: { dailyMicros: 5 * USD, monthlyMicros: null }, spent: { todayMicros: 5 * USD, monthMicros: 5 * USD } });
    expect(notices.map((n) => n.kind)).toEqual(["low_balance", "daily_cap"]);
    expect(notices[1]).toEqual({
      kind: "daily_cap",
      message: "Today's spend cap of $5.00 is reached: new jobs are refused until midnight UTC.",
      action: { href: "/dashboard/settings", label: "Raise the cap" },
    });
  });
});
