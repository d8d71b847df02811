/** What the administrators' policies and calendars screens read (type-only, shared with the console). */

export interface InForceView {
  version: string;
  /** True for the built-in version (nothing published for this unit or above it). */
  builtIn: boolean;
  /** The unit whose subtree it was made in force for; null for everywhere or the built-in. */
  unitCode: string | null;
  since: string | null;
}

export interface PolicyVersionView {
  version: string;
  jurisdiction: string | null;
  basedOn: string | null;
  builtIn: boolean;
  /** In force for new registrations at the administrator's unit. */
  inForce: boolean;
  createdAt: string | null;
  createdBy: string | null;
  createdByName: string | null;
  document: Record<string, unknown>;
}

export interface PoliciesOverview {
  /** The administrator's unit: what is in force is shown for it. */
  unitCode: string;
  inForce: InForceView;
  versions: PolicyVersionView[];
}

export interface CalendarVersionView {
  version: string;
  years: number[];
  holidays: number;
  makeupWorkdays: number;
  inForce: boolean;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
  document: Record<string, unknown>;
}

export interface CalendarsOverview {
  unitCode: string;
  /** The built-in mainland tables new registrations use for years nothing published covers. */
  builtIn: { version: string; years: { from: number; to: number } };
  /** Null when no published calendar is in force at the unit. */
  inForce: InForceView | null;
  versions: CalendarVersionView[];
}

export interface PolicyPublished {
  version: string;
  firstPublication: boolean;
  /** Where new registrations now start with it. */
  inForceFor: string;
  /** Open cases keep the policy they started under. */
  openCasesKeepTheirs: true;
}

export interface CalendarPublished {
  version: string;
  firstPublication: boolean;
  inForceFor: string;
  /** Open cases of the unit's subtree the calendar was sent to. */
  signalled: number;
  total: number;
  failed: number;
}
