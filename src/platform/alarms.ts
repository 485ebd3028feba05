import { browser } from './browser';

/**
 * Alarms survive a stopped worker but not always a browser update, and Chrome fires them at
 * most every 30 s: create at every start-up, with a period in minutes.
 */
export async function ensurePeriodicAlarm(name: string, periodMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (!existing || existing.periodInMinutes !== periodMinutes) browser.alarms.create(name, { periodInMinutes: periodMinutes, delayInMinutes: 1 });
}

export function onAlarm(name: string, listener: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) listener();
  });
}

/** The names of the alarms set (a worker sets its own a moment after each start). */
export async function alarmNames(): Promise<string[]> {
  return (await browser.alarms.getAll()).map((alarm) => alarm.name);
}

/** Stops every scheduled job until the worker next starts (the benchmark holds the scheduled sync). */
export async function clearAlarms(): Promise<void> {
  await browser.alarms.clearAll();
}
