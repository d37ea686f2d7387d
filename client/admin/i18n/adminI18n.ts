import { createNamespace, type NamespaceT } from '../../i18n/namespace.js';
import { adminEn } from './en.js';
import { adminZhCN, type AdminResources } from './zhCN.js';

const ns = createNamespace('admin', adminZhCN, adminEn);
/** Adds the admin strings to i18next (once, when the admin chunk loads). */
export const registerAdminStrings = ns.register;
/** Typed lookup in the `admin` namespace. */
export const useAdminT = ns.useT;
export type AdminT = NamespaceT<AdminResources>;
