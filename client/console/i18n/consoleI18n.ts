import { createNamespace, type NamespaceT, type Paths } from '../../i18n/namespace.js';
import { consoleEn } from './en.js';
import { consoleZhCN, type ConsoleResources } from './zhCN.js';

/** Every leaf key of the console strings, e.g. `replay.banner`. */
export type ConsoleKey = Paths<ConsoleResources>;
export type ConsoleT = NamespaceT<ConsoleResources>;

// The console's strings are their own i18next namespace (client/i18n stays the wall's), like the admin page's.
const ns = createNamespace('console', consoleZhCN, consoleEn);
/** Adds the console strings to the app's i18next (once, when the console chunk loads). */
export const registerConsoleStrings = ns.register;
/** Typed lookup in the `console` namespace. */
export const useConsoleT = ns.useT;
