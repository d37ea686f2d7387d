/** The bits of the Battery Status API we read; it is not in TypeScript's DOM types (Chromium only). */
interface BatteryManager {
  level: number;
}
type NavigatorWithBattery = Navigator & { getBattery?: () => Promise<BatteryManager> };

let battery: Promise<BatteryManager | null> | null = null;

/** Battery level in percent, or undefined where the browser does not tell (Safari, Firefox). */
export async function batteryPct(): Promise<number | undefined> {
  const nav = navigator as NavigatorWithBattery;
  battery ??= nav.getBattery ? nav.getBattery().catch(() => null) : Promise.resolve(null);
  const b = await battery;
  return b ? Math.round(b.level * 100) : undefined;
}
