// Wrappers of the festival booking functions (supabase/migrations/20261205000200_festival_bookings.sql).
// Each response type once.
import type { NeedKind } from '../festival-bookings';
import { defineApi } from './define';

export type FestivalSession = {
  key: string;
  title: string;
  place: string | null;
  starts_at: string;
  ends_at: string;
  capacity: number;
  places_left: number;
  waiting: number;
};

export type FestivalSessions = {
  edition: string;
  title: string;
  bookings_close_at: string;
  ends_at: string;
  open: boolean;
  /** How many days after the festival the access needs are kept. */
  needs_kept_days: number;
  sessions: FestivalSession[];
};

export type FestivalNeeds = { needs: NeedKind[]; interpreter: string | null; dietary: string | null; other: string | null };

export type FestivalBookedSession = {
  key: string;
  title: string;
  starts_at: string;
  ends_at: string;
  status: 'booked' | 'waiting';
  waiting_position: number | null;
};

export type FestivalBooking = {
  reference: string;
  edition: string;
  name: string;
  email: string;
  places: number;
  cancelled: boolean;
  sessions: FestivalBookedSession[];
  /** Null once the access needs have been deleted after the festival. */
  needs: FestivalNeeds | null;
};

export type FestivalAnswers = {
  p_sessions: string[];
  p_needs?: NeedKind[];
  p_interpreter?: string | null;
  p_dietary?: string | null;
  p_other?: string | null;
};

export const festivalSessions = defineApi<FestivalSessions, { p_edition: string }>('festival_sessions', ['p_edition']);

export const festivalBook = defineApi<
  FestivalBooking & { token: string },
  FestivalAnswers & { p_edition: string; p_name: string; p_email: string; p_website?: string }
>('festival_book', ['p_edition', 'p_name', 'p_email', 'p_sessions', 'p_needs', 'p_interpreter', 'p_dietary', 'p_other', 'p_website']);

export const festivalBookingByToken = defineApi<FestivalBooking, { p_token: string }>('festival_booking', ['p_token']);

export const festivalChangeBooking = defineApi<FestivalBooking, FestivalAnswers & { p_token: string }>('festival_change_booking', [
  'p_token',
  'p_sessions',
  'p_needs',
  'p_interpreter',
  'p_dietary',
  'p_other',
]);

export const festivalCancelBooking = defineApi<FestivalBooking, { p_token: string }>('festival_cancel_booking', ['p_token']);

export type FestivalOfficerSummary = {
  edition: string;
  title: string;
  ends_at: string;
  needs_deleted_at: string | null;
  delete_needs_from: string;
  /** The keeping time is over: the access needs may be deleted now. */
  needs_due: boolean;
  bookings: number;
  people: number;
  sessions: { key: string; title: string; place: string | null; starts_at: string; capacity: number; booked: number; waiting: number }[];
  needs: Record<NeedKind, number>;
  other: number;
};

export const festivalOfficerSummary = defineApi<FestivalOfficerSummary, { p_edition: string }>('festival_officer_summary', ['p_edition']);

export type FestivalOfficerBooking = {
  reference: string;
  name: string;
  email: string;
  places: number;
  booked_at: string;
  sessions: { key: string; status: 'booked' | 'waiting' }[];
  needs: FestivalNeeds | null;
};

export type FestivalOfficerBookings = {
  edition: string;
  title: string;
  bookings: FestivalOfficerBooking[];
  waiting: { session: string; reference: string; name: string; places: number; position: number }[];
};

export const festivalOfficerBookings = defineApi<FestivalOfficerBookings, { p_edition: string; p_purpose?: 'bookings' | 'check-in' }>(
  'festival_officer_bookings',
  ['p_edition', 'p_purpose'],
);

export const festivalVenueExport = defineApi<{ filename: string; csv: string }, { p_edition: string }>('festival_venue_export', [
  'p_edition',
]);

export const festivalDeleteAccessNeeds = defineApi<{ deleted: number }, { p_edition: string }>('festival_delete_access_needs', [
  'p_edition',
]);
