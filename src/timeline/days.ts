// Calendar days as "YYYY-MM-DD" strings (UTC): they sort as text and compare with < and >.

const DAY_MS = 86_400_000;

export const dayNumber = (day: string): number => Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
export const dayFromNumber = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayFromNumber(dayNumber(day) + n);
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);
export const minDay = (days: readonly string[]): string => days.reduce((a, b) => (b < a ? b : a));
export const maxDay = (days: readonly string[]): string => days.reduce((a, b) => (b > a ? b : a));
