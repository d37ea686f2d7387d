/** Dates of the 2020 Wuhan response that the demo follows (Asia/Shanghai calendar days). */
export const TIMELINE = {
  /** 封城: Wuhan's outbound traffic stopped at 10:00. */
  lockdown: '2020-01-23',
  /** 封闭管理: every residential compound sealed. */
  compoundsSealed: '2020-02-11',
  /** Districts start easing as they clear; Hubei outside Wuhan lifted controls on 03-25. */
  easing: '2020-03-25',
  /** 解除离汉通道管控: outbound controls lifted at 00:00. */
  outboundLifted: '2020-04-08',
} as const;

/** Lockdown began at 10:00 on 2020-01-23, not at midnight. */
export const LOCKDOWN_HOUR = 10;

export function inLockdown(date: string): boolean {
  return date >= TIMELINE.lockdown && date < TIMELINE.outboundLifted;
}
