-- Festival places (issue 17). An edition's programme is Markdown (src/content/festival/); the
-- sessions people book, with their times and capacity, live here, keyed by the edition's slug and
-- the session's key (the slug of its title), and tests/db/festival/content.test.ts checks that the
-- two agree. Nobody signs in to book: a booking is reached again only through a link in its
-- emails, whose token is stored hashed.
--
-- Access needs are personal data about health and disability. They sit in their own table, are
-- shown by name to officers only (each read recorded in the audit trail), and are deleted at a set
-- time after the event (Section - Retention). The audit trail is append-only, so it must never hold
-- them: the festival tables are audited by private.festival_audit, which records that a booking,
-- place or need was written, never the person's name, email, token or needs.

/** Section - Editions, sessions and the list of access needs */

-- What an edition that takes bookings online needs beyond its Markdown: when booking closes,
-- when the day ends, and how long after that the access needs are kept.
create table private.festival_editions (
  slug text primary key check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null check (length(btrim(title)) between 1 and 200),
  bookings_close_at timestamptz not null,
  ends_at timestamptz not null,
  keep_needs_for interval not null default interval '30 days' check (keep_needs_for >= interval '0 days'),
  needs_deleted_at timestamptz,
  check (bookings_close_at <= ends_at)
);

create table private.festival_sessions (
  id uuid primary key default gen_random_uuid(),
  edition text not null references private.festival_editions (slug),
  key text not null check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title text not null check (length(btrim(title)) between 1 and 120),
  place text,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  capacity int not null check (capacity between 1 and 5000),
  unique (edition, key)
);

-- The one list of what a booker can ask for (src/lib/festival-bookings.ts derives its type from
-- the same list; tests/unit/lib/festival-bookings.test.ts and tests/db/festival/needs.test.ts
-- compare them). 'carer_place' is a free second place for a carer or personal assistant: it
-- takes a seat in each session, so it is kept on the booking (places) as well.
create function private.festival_need_kinds()
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array['step_free', 'hearing_loop', 'interpreter', 'easy_read', 'quiet_space', 'dietary', 'carer_place']
$$;

/** Section - Bookings, places and access needs */

create table private.festival_bookings (
  id uuid primary key default gen_random_uuid(),
  edition text not null references private.festival_editions (slug),
  reference text not null unique check (reference ~ '^[A-Z0-9]{4}-[A-Z0-9]{4}$'),
  name text not null check (length(btrim(name)) between 1 and 120),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' and email = lower(email)),
  -- 1, or 2 with a free place for a carer or personal assistant.
  places int not null check (places between 1 and 2),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  cancelled_at timestamptz
);
create index festival_bookings_edition on private.festival_bookings (edition, created_at);
create index festival_bookings_email on private.festival_bookings (email);

-- Each email carries a link with its own token (so an email sent later, such as a place coming
-- free, has a working link even though no token is ever stored in the clear). Any of a booking's
-- tokens opens it; cancelling keeps them, so the link then says the booking is cancelled.
create table private.festival_booking_tokens (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  booking_id uuid not null references private.festival_bookings (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index festival_booking_tokens_booking on private.festival_booking_tokens (booking_id);

-- A booking's place in a session: booked, or waiting in the order `queued` gives (an identity,
-- so two people joining in the same instant still have an order).
create table private.festival_places (
  booking_id uuid not null references private.festival_bookings (id) on delete cascade,
  session_id uuid not null references private.festival_sessions (id),
  status text not null check (status in ('booked', 'waiting')),
  queued bigint generated always as identity,
  changed_at timestamptz not null default now(),
  primary key (booking_id, session_id)
);
create index festival_places_session on private.festival_places (session_id, status, queued);

create table private.festival_access_needs (
  booking_id uuid primary key references private.festival_bookings (id) on delete cascade,
  needs text[] not null default '{}' check (needs <@ private.festival_need_kinds()),
  -- Which interpreter (British Sign Language, or another language), when 'interpreter' is chosen.
  interpreter text check (length(interpreter) <= 200),
  dietary text check (length(dietary) <= 500),
  other text check (length(other) <= 1000),
  check ((interpreter is not null) = ('interpreter' = any (needs))),
  check ((dietary is not null) = ('dietary' = any (needs)))
);

/** Section - Limits on booking */

-- The one place the limits live (the tests read them from here): bookings per email address and
-- per client address (see api.festival_book) in a window.
create function private.festival_booking_limits()
returns table (per_email int, per_client int, booking_window interval)
language sql
immutable
set search_path = ''
as $$
  select 3, 20, interval '1 hour'
$$;

-- Only hashes are kept: the limit needs to know that the same address came back, not who it is.
create table private.festival_booking_attempts (
  id bigint generated always as identity primary key,
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  at timestamptz not null default now()
);
create index festival_booking_attempts_key on private.festival_booking_attempts (key_hash, at);

/** Section - Security and the audit trail */

alter table private.festival_editions enable row level security;
alter table private.festival_sessions enable row level security;
alter table private.festival_bookings enable row level security;
alter table private.festival_booking_tokens enable row level security;
alter table private.festival_places enable row level security;
alter table private.festival_access_needs enable row level security;
alter table private.festival_booking_attempts enable row level security;
revoke all on table private.festival_editions, private.festival_sessions, private.festival_bookings, private.festival_booking_tokens,
  private.festival_places, private.festival_access_needs, private.festival_booking_attempts
from public, anon, authenticated;

select private.audit_table('private.festival_editions', array['slug']);
select private.audit_table('private.festival_sessions');

-- The people's tables are audited without their content (see the top of this file): a booking by
-- its id, edition, places and whether it is cancelled; a place by its status; access needs and
-- tokens by the booking they belong to. The attempts table holds hashes only and is bookkeeping,
-- like pb_code_attempts, so it is not audited.
create function private.festival_audit()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row jsonb := to_jsonb(coalesce(new, old));
  v_keep text[] := case tg_table_name
    when 'festival_bookings' then array['id', 'edition', 'places', 'created_at', 'cancelled_at']
    when 'festival_places' then array['booking_id', 'session_id', 'status', 'queued']
    else array['booking_id'] end;
  v_old jsonb;
  v_new jsonb;
begin
  if tg_op <> 'INSERT' then
    select jsonb_object_agg(k, to_jsonb(old) -> k) into v_old from unnest(v_keep) k;
  end if;
  if tg_op <> 'DELETE' then
    select jsonb_object_agg(k, to_jsonb(new) -> k) into v_new from unnest(v_keep) k;
  end if;
  perform private.append_audit_event(lower(tg_op), tg_table_name,
    case tg_table_name when 'festival_bookings' then v_row ->> 'id'
                       when 'festival_places' then (v_row ->> 'booking_id') || '/' || (v_row ->> 'session_id')
                       else v_row ->> 'booking_id' end,
    v_old, v_new);
  return null;
end
$$;

create trigger festival_audit after insert or update or delete on private.festival_bookings
  for each row execute function private.festival_audit();
create trigger festival_audit after insert or update or delete on private.festival_places
  for each row execute function private.festival_audit();
create trigger festival_audit after insert or update or delete on private.festival_access_needs
  for each row execute function private.festival_audit();
create trigger festival_audit after insert or update or delete on private.festival_booking_tokens
  for each row execute function private.festival_audit();
create trigger audit_no_truncate before truncate on private.festival_bookings
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.festival_places
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.festival_access_needs
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.festival_booking_tokens
  for each statement execute function private.refuse_truncate();

/** Section - The 2027 festival's sessions (the programme in src/content/festival/2027-festival.md) */

-- Times are Oxford's (British Summer Time in July); each session runs until the next begins.
-- The dementia bus has few places, so it is the session most likely to have a waiting list.
insert into private.festival_editions (slug, title, bookings_close_at, ends_at) values
('2027-festival', 'Oxfordshire co-production festival 2027', '2027-06-18 23:59:59 Europe/London', '2027-07-08 15:30 Europe/London');

insert into private.festival_sessions (edition, key, title, place, starts_at, ends_at, capacity)
select '2027-festival', s.key, s.title, s.place, ('2027-07-08 ' || s.starts || ' Europe/London')::timestamptz,
       ('2027-07-08 ' || s.ends || ' Europe/London')::timestamptz, s.capacity
from (values
  ('welcome', 'Welcome', 'Main Hall', '10:00', '10:30', 180),
  ('the-co-production-tree', 'The Co-production Tree', 'Main Hall', '10:30', '11:00', 180),
  ('deciding-on-grants-together', 'Deciding on grants together', 'Assembly Room', '11:00', '11:45', 60),
  ('participatory-budgeting', 'Participatory budgeting', 'Assembly Room', '11:45', '12:30', 60),
  ('lunch', 'Lunch', 'Main Hall', '12:30', '13:30', 180),
  ('the-dementia-bus', 'The dementia bus', 'Outside the Town Hall', '13:30', '14:15', 8),
  ('quiet-time', 'Quiet time', 'Quiet room and Main Hall', '14:15', '14:45', 180),
  ('your-say-and-goodbye', 'Your say and goodbye', 'Main Hall', '14:45', '15:30', 180)
) as s (key, title, place, starts, ends, capacity);

/** Section - The emails */

-- {link} is followed by {token}: the link's path ends "?token=", and the token is a secret param,
-- so the stored copy loses it once the email has gone (the database keeps only its hash).
insert into private.email_templates (key, sent_when, subject, body, secret_params) values
('festival_booking_confirmed', 'Someone books places at a festival (no account needed).',
 'Your booking for {festival}: {reference}',
 E'Hello {name},\n\nThank you for booking for {festival}. Your booking reference is {reference}.\n\n{places}\n\n{needs}\n\nTo change or cancel your booking, use this link. Keep it to yourself: anyone with it can change your booking.\n\n{link}{token}\n\nWorking Together',
 '{token}'),
('festival_booking_changed', 'Someone changes their festival booking from the link in an email.',
 'Your booking for {festival} has changed: {reference}',
 E'Hello {name},\n\nYour booking {reference} for {festival} now has:\n\n{places}\n\n{needs}\n\nTo change or cancel your booking again, use this link:\n\n{link}{token}\n\nWorking Together',
 '{token}'),
('festival_booking_cancelled', 'Someone cancels their festival booking from the link in an email.',
 'Your booking for {festival} is cancelled: {reference}',
 E'Hello {name},\n\nYour booking {reference} for {festival} is cancelled. Thank you for letting us know: your places can now go to other people.\n\nIf you change your mind, you can book again while places are left: {link}\n\nWorking Together',
 '{}'),
('festival_place_offered', 'A place comes free in a festival session and goes to the next person on its waiting list.',
 'A place has come up for you at {festival}: {session}',
 E'Hello {name},\n\nGood news: a place has come up in {session} at {festival}, and it is now yours. You were on the waiting list for it (booking {reference}).\n\nYou do not need to do anything. If you can no longer come, please cancel so that the place can go to someone else:\n\n{link}{token}\n\nWorking Together',
 '{token}');

/** Section - Helpers */

-- An edition that takes bookings, or 404.
create function private.festival_edition(p_edition text)
returns private.festival_editions
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.festival_editions;
begin
  select * into v from private.festival_editions e where e.slug = left(coalesce(p_edition, ''), 100);
  if v.slug is null then
    perform private.refuse('PT404', 'festival_not_found', 'We could not find bookings for that festival.', 'edition');
  end if;
  return v;
end
$$;

-- sha256 in hex, for tokens and the limit's keys.
create function private.festival_hash(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(p_text, 'sha256'), 'hex')
$$;

-- A new token for a booking: returned once, to go in one email (or on the confirmation page),
-- and kept only as its hash.
create function private.festival_new_token(p_booking_id uuid)
returns text
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_token text := encode(extensions.gen_random_bytes(24), 'hex');
begin
  insert into private.festival_booking_tokens (token_hash, booking_id) values (private.festival_hash(v_token), p_booking_id);
  return v_token;
end
$$;

-- The booking a token opens, or 404 (a wrong token and a malformed one get the same answer).
create function private.festival_booking_by_token(p_token text)
returns private.festival_bookings
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.festival_bookings;
begin
  if p_token ~ '^[0-9a-f]{48}$' then
    select b.* into v from private.festival_booking_tokens t join private.festival_bookings b on b.id = t.booking_id
    where t.token_hash = private.festival_hash(p_token);
  end if;
  if v.id is null then
    perform private.refuse('PT404', 'booking_not_found', 'We could not find that booking. Check you used the whole link from your email.', 'token');
  end if;
  return v;
end
$$;

-- Checks and tidies the answers to the access questions; refuses with the field to fix.
create function private.festival_clean_needs(p_needs text[], p_interpreter text, p_dietary text, p_other text)
returns private.festival_access_needs
language plpgsql
immutable
set search_path = ''
as $$
declare
  v private.festival_access_needs;
  v_needs text[] := array(select distinct n from unnest(coalesce(p_needs, '{}')) n order by n);
begin
  if cardinality(v_needs) > 0 and not v_needs <@ private.festival_need_kinds() then
    perform private.refuse('P0001', 'unknown_need', 'Choose from the support listed, or describe what you need in your own words.', 'needs');
  end if;
  v.needs := v_needs;
  if 'interpreter' = any (v_needs) then
    v.interpreter := private.clean_text(p_interpreter, 'which interpreter you need', 200, true, 'interpreter');
  end if;
  if 'dietary' = any (v_needs) then
    v.dietary := private.clean_text(p_dietary, 'what you can and cannot eat', 500, true, 'dietary');
  end if;
  v.other := private.clean_text(p_other, 'anything else we should know', 1000, false, 'other');
  return v;
end
$$;

-- The sessions chosen, as ids of this edition's sessions (by key), or 400.
create function private.festival_chosen_sessions(p_edition text, p_sessions text[])
returns uuid[]
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_keys text[] := array(select distinct k from unnest(coalesce(p_sessions, '{}')) k);
  v_ids uuid[];
begin
  if cardinality(v_keys) = 0 then
    perform private.refuse('P0001', 'no_sessions', 'Choose at least one session.', 'sessions');
  end if;
  v_ids := array(select s.id from private.festival_sessions s where s.edition = p_edition and s.key = any (v_keys) order by s.starts_at);
  if cardinality(v_ids) <> cardinality(v_keys) then
    perform private.refuse('P0001', 'session_not_found', 'Choose from the sessions listed.', 'sessions');
  end if;
  return v_ids;
end
$$;

-- Places taken in a session (a booking with a carer takes two).
create function private.festival_taken(p_session_id uuid)
returns int
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(sum(b.places), 0)::int from private.festival_places p join private.festival_bookings b on b.id = p.booking_id
  where p.session_id = p_session_id and p.status = 'booked'
$$;

-- Locks the sessions' rows in one order (by id), so two bookings for the same sessions queue
-- behind each other instead of both reading the same places left, and never deadlock.
create function private.festival_lock_sessions(p_ids uuid[])
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  select null from (select s.id from private.festival_sessions s where s.id = any (p_ids) order by s.id for update) locked
$$;

-- Gives a session's free places to its waiting list, strictly in order: if the next person needs
-- two places and one is free, nobody behind them jumps ahead. Each person moved gets an email with
-- a fresh link. The caller holds the session's lock.
create function private.festival_fill_from_waiting_list(p_session_id uuid)
returns int
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_session private.festival_sessions;
  v_next record;
  v_moved int := 0;
begin
  select * into v_session from private.festival_sessions s where s.id = p_session_id;
  loop
    select p.booking_id, b.places, b.name, b.email, b.reference into v_next
    from private.festival_places p join private.festival_bookings b on b.id = p.booking_id
    where p.session_id = p_session_id and p.status = 'waiting' and b.cancelled_at is null
    order by p.queued limit 1;
    exit when v_next.booking_id is null or v_session.capacity - private.festival_taken(p_session_id) < v_next.places;
    update private.festival_places set status = 'booked', changed_at = now()
    where booking_id = v_next.booking_id and session_id = p_session_id;
    perform private.queue_email(null, v_next.email, v_next.name, 'festival_place_offered',
      jsonb_build_object('festival', (select e.title from private.festival_editions e where e.slug = v_session.edition),
                         'session', v_session.title || ' (' || to_char(v_session.starts_at at time zone 'Europe/London', 'HH24:MI') || ')',
                         'reference', v_next.reference, 'token', private.festival_new_token(v_next.booking_id)),
      '/festival/booking/?token=', 'festival_place_offered:' || v_next.booking_id || ':' || p_session_id || ':' || extract(epoch from clock_timestamp()));
    v_moved := v_moved + 1;
  end loop;
  return v_moved;
end
$$;

-- Puts a booking into these sessions (booked while places are left, otherwise on the waiting
-- list) and takes it out of any others, then hands the places it gave up to the waiting lists.
-- Locks every session involved first.
create function private.festival_set_places(p_booking private.festival_bookings, p_session_ids uuid[])
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_left uuid[];
  v_id uuid;
begin
  v_left := array(select p.session_id from private.festival_places p
                  where p.booking_id = p_booking.id and not (p.session_id = any (p_session_ids)));
  perform private.festival_lock_sessions(p_session_ids || v_left);
  delete from private.festival_places p where p.booking_id = p_booking.id and p.session_id = any (v_left);
  foreach v_id in array p_session_ids loop
    if not exists (select 1 from private.festival_places p where p.booking_id = p_booking.id and p.session_id = v_id) then
      insert into private.festival_places (booking_id, session_id, status)
      select p_booking.id, v_id,
             case when s.capacity - private.festival_taken(v_id) >= p_booking.places
                       and not exists (select 1 from private.festival_places w where w.session_id = v_id and w.status = 'waiting')
                  then 'booked' else 'waiting' end
      from private.festival_sessions s where s.id = v_id;
    end if;
  end loop;
  foreach v_id in array v_left loop
    perform private.festival_fill_from_waiting_list(v_id);
  end loop;
end
$$;

-- A booking's places and needs as the booker reads them (on the page and in the emails).
create function private.festival_booking_json(p_booking private.festival_bookings)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'reference', p_booking.reference, 'edition', p_booking.edition, 'name', p_booking.name, 'email', p_booking.email,
    'places', p_booking.places, 'cancelled', p_booking.cancelled_at is not null,
    'sessions', coalesce((select jsonb_agg(jsonb_build_object('key', s.key, 'title', s.title, 'starts_at', s.starts_at, 'ends_at', s.ends_at,
        'status', p.status,
        'waiting_position', case when p.status = 'waiting' then (select count(*) from private.festival_places w
          where w.session_id = p.session_id and w.status = 'waiting' and w.queued <= p.queued) end) order by s.starts_at)
      from private.festival_places p join private.festival_sessions s on s.id = p.session_id where p.booking_id = p_booking.id), '[]'),
    'needs', (select jsonb_build_object('needs', to_jsonb(n.needs), 'interpreter', n.interpreter, 'dietary', n.dietary, 'other', n.other)
              from private.festival_access_needs n where n.booking_id = p_booking.id))
$$;

-- The lines of an email that list the places and the support asked for.
create function private.festival_email_params(p_booking private.festival_bookings, p_token text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select jsonb_build_object(
    'festival', (select e.title from private.festival_editions e where e.slug = p_booking.edition),
    'reference', p_booking.reference,
    'token', p_token,
    'places', coalesce((select string_agg('- ' || to_char(s.starts_at at time zone 'Europe/London', 'HH24:MI') || ' ' || s.title || ': '
        || case when p.status = 'booked' then 'booked' else 'on the waiting list (we will email you if a place comes up)' end, E'\n' order by s.starts_at)
      from private.festival_places p join private.festival_sessions s on s.id = p.session_id where p.booking_id = p_booking.id), '- no sessions')
      || case when p_booking.places = 2 then E'\n\nEach place includes a free place for your carer or personal assistant.' else '' end,
    'needs', case when exists (select 1 from private.festival_access_needs n where n.booking_id = p_booking.id
                               and (cardinality(n.needs) > 0 or n.other is not null))
                  then 'We have noted the support you asked for, and we will be in touch if we have any questions.'
                  else 'You did not ask for any support. If you need something, change your booking or tell us on the day.' end)
$$;

/** Section - The public: sessions, booking, changing and cancelling */

-- Sessions with places left and how many are waiting: the live part of the festival page.
create function api.festival_sessions(p_edition text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.festival_editions := private.festival_edition(p_edition);
begin
  return jsonb_build_object('edition', v.slug, 'title', v.title, 'bookings_close_at', v.bookings_close_at, 'ends_at', v.ends_at,
    'open', now() < v.bookings_close_at, 'needs_kept_days', extract(day from v.keep_needs_for)::int,
    'sessions', coalesce((select jsonb_agg(jsonb_build_object('key', s.key, 'title', s.title, 'place', s.place,
        'starts_at', s.starts_at, 'ends_at', s.ends_at, 'capacity', s.capacity,
        'places_left', greatest(0, s.capacity - private.festival_taken(s.id)),
        'waiting', (select count(*) from private.festival_places p where p.session_id = s.id and p.status = 'waiting')) order by s.starts_at)
      from private.festival_sessions s where s.edition = v.slug), '[]'));
end
$$;
select private.grant_api(array['festival_sessions'], array['anon', 'authenticated']);

-- Books places. No account is needed: the answer and the email carry a token for the link to
-- change or cancel. p_website is the form's hidden field, which people never see and bots fill
-- in; a filled one, or too many bookings from one address, is refused and stores nothing.
create function api.festival_book(
  p_edition text, p_name text, p_email text, p_sessions text[], p_needs text[] default '{}', p_interpreter text default null,
  p_dietary text default null, p_other text default null, p_website text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_edition private.festival_editions;
  v_name text;
  v_email text;
  v_needs private.festival_access_needs;
  v_sessions uuid[];
  v_limits record;
  v_client text;
  v_booking private.festival_bookings;
  v_token text;
  v_reference text;
begin
  if nullif(btrim(coalesce(p_website, '')), '') is not null then
    perform private.refuse('P0001', 'looks_automated', 'We could not take this booking. Please email or phone us instead.');
  end if;
  v_edition := private.festival_edition(p_edition);
  if now() >= v_edition.bookings_close_at then
    perform private.refuse('PT409', 'bookings_closed', 'Booking for this festival has closed.');
  end if;
  v_name := private.clean_text(p_name, 'your name', 120, true, 'name');
  v_email := lower(private.clean_text(p_email, 'your email address', 254, true, 'email'));
  if v_email !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' then
    perform private.refuse('P0001', 'email_not_valid', 'Enter an email address in the correct format, like name@example.com.', 'email');
  end if;
  v_sessions := private.festival_chosen_sessions(v_edition.slug, p_sessions);
  v_needs := private.festival_clean_needs(p_needs, p_interpreter, p_dietary, p_other);

  -- The limits, one address at a time (the advisory lock orders two tabs of the same person).
  select * into v_limits from private.festival_booking_limits();
  -- The client's address as the gateway saw it: Cloudflare's cf-connecting-ip on hosted Supabase
  -- (a client cannot set it through Cloudflare), else the first X-Forwarded-For entry (what the
  -- stand-in passes). Best effort: the email limit does not depend on it. No address (a call from
  -- the server side): the email limit alone.
  v_client := (select nullif(btrim(coalesce(h ->> 'cf-connecting-ip', split_part(h ->> 'x-forwarded-for', ',', 1))), '')
               from (select coalesce(nullif(current_setting('request.headers', true), ''), '{}')::jsonb as h) x);
  perform pg_advisory_xact_lock(hashtextextended('festival_booking:' || v_email, 0));
  if (select count(*) from private.festival_booking_attempts a
      where a.key_hash = private.festival_hash('email:' || v_email) and a.at > now() - v_limits.booking_window) >= v_limits.per_email
     or (v_client is not null and (select count(*) from private.festival_booking_attempts a
         where a.key_hash = private.festival_hash('client:' || v_client) and a.at > now() - v_limits.booking_window) >= v_limits.per_client) then
    perform private.refuse('PT429', 'too_many_bookings', 'There have been too many bookings from here in the last hour. Try again later, or email or phone us.');
  end if;
  delete from private.festival_booking_attempts a where a.at <= now() - v_limits.booking_window;
  insert into private.festival_booking_attempts (key_hash)
  select private.festival_hash(k) from unnest(array['email:' || v_email, 'client:' || v_client]) k where k is not null;

  perform private.set_audit_context('public');
  loop
    v_reference := upper(substr(encode(extensions.gen_random_bytes(4), 'hex'), 1, 4) || '-' || substr(encode(extensions.gen_random_bytes(4), 'hex'), 1, 4));
    exit when not exists (select 1 from private.festival_bookings b where b.reference = v_reference);
  end loop;
  insert into private.festival_bookings (edition, reference, name, email, places)
  values (v_edition.slug, v_reference, v_name, v_email, case when 'carer_place' = any (v_needs.needs) then 2 else 1 end)
  returning * into v_booking;
  insert into private.festival_access_needs (booking_id, needs, interpreter, dietary, other)
  values (v_booking.id, v_needs.needs, v_needs.interpreter, v_needs.dietary, v_needs.other);
  perform private.festival_set_places(v_booking, v_sessions);

  v_token := private.festival_new_token(v_booking.id);
  perform private.queue_email(null, v_email, v_name, 'festival_booking_confirmed',
    private.festival_email_params(v_booking, private.festival_new_token(v_booking.id)),
    '/festival/booking/?token=', 'festival_booking_confirmed:' || v_booking.id);
  return private.festival_booking_json(v_booking) || jsonb_build_object('token', v_token);
end
$$;
select private.grant_api(array['festival_book'], array['anon', 'authenticated']);

-- The booking a link opens: what the booker chose, so they can check or change it.
create function api.festival_booking(p_token text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select private.festival_booking_json(private.festival_booking_by_token(p_token))
$$;
select private.grant_api(array['festival_booking'], array['anon', 'authenticated']);

-- Changes the sessions and the support asked for, from the link. Places given up go to the
-- waiting lists; a session added is booked if places are left, else waited for.
create function api.festival_change_booking(
  p_token text, p_sessions text[], p_needs text[] default '{}', p_interpreter text default null, p_dietary text default null,
  p_other text default null
)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_booking private.festival_bookings := private.festival_booking_by_token(p_token);
  v_edition private.festival_editions := private.festival_edition(v_booking.edition);
  v_sessions uuid[];
  v_needs private.festival_access_needs;
  v_places int;
begin
  if v_booking.cancelled_at is not null then
    perform private.refuse('PT409', 'booking_cancelled', 'This booking has been cancelled, so it cannot be changed. You can book again.');
  end if;
  if now() >= v_edition.ends_at then
    perform private.refuse('PT409', 'festival_over', 'The festival is over, so bookings can no longer be changed.');
  end if;
  v_sessions := private.festival_chosen_sessions(v_edition.slug, p_sessions);
  v_needs := private.festival_clean_needs(p_needs, p_interpreter, p_dietary, p_other);
  perform private.set_audit_context('public');
  v_places := case when 'carer_place' = any (v_needs.needs) then 2 else 1 end;
  if v_places <> v_booking.places then
    -- A carer's place added or dropped: the booking re-queues where it no longer fits (simplest
    -- fair rule: leave every session, then come back in, booked where places are left).
    perform private.festival_set_places(v_booking, '{}');
    update private.festival_bookings set places = v_places, updated_at = now() where id = v_booking.id returning * into v_booking;
  else
    update private.festival_bookings set updated_at = now() where id = v_booking.id returning * into v_booking;
  end if;
  insert into private.festival_access_needs as n (booking_id, needs, interpreter, dietary, other)
  values (v_booking.id, v_needs.needs, v_needs.interpreter, v_needs.dietary, v_needs.other)
  on conflict (booking_id) do update set needs = excluded.needs, interpreter = excluded.interpreter, dietary = excluded.dietary, other = excluded.other
  where (n.needs, n.interpreter, n.dietary, n.other) is distinct from (excluded.needs, excluded.interpreter, excluded.dietary, excluded.other);
  perform private.festival_set_places(v_booking, v_sessions);
  perform private.queue_email(null, v_booking.email, v_booking.name, 'festival_booking_changed',
    private.festival_email_params(v_booking, private.festival_new_token(v_booking.id)),
    '/festival/booking/?token=', 'festival_booking_changed:' || v_booking.id || ':' || extract(epoch from clock_timestamp()));
  return private.festival_booking_json(v_booking);
end
$$;
select private.grant_api(array['festival_change_booking'], array['anon', 'authenticated']);

-- Cancels from the link: every place goes back, to the waiting lists first.
create function api.festival_cancel_booking(p_token text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_booking private.festival_bookings := private.festival_booking_by_token(p_token);
begin
  if v_booking.cancelled_at is not null then
    perform private.refuse('PT409', 'booking_cancelled', 'This booking has already been cancelled.');
  end if;
  perform private.set_audit_context('public');
  update private.festival_bookings set cancelled_at = now(), updated_at = now() where id = v_booking.id returning * into v_booking;
  perform private.festival_set_places(v_booking, '{}');
  perform private.queue_email(null, v_booking.email, v_booking.name, 'festival_booking_cancelled',
    private.festival_email_params(v_booking, null), '/festival/' || v_booking.edition || '/', 'festival_booking_cancelled:' || v_booking.id);
  return private.festival_booking_json(v_booking);
end
$$;
select private.grant_api(array['festival_cancel_booking'], array['anon', 'authenticated']);

-- A CSV field (the venue's file): quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed
-- with ' so a spreadsheet does not run it as a formula.
create function private.csv_field(p_value text)
returns text
language sql
immutable
set search_path = ''
as $$
  select case when v ~ '[",\r\n]' then '"' || replace(v, '"', '""') || '"' else v end
  from (select case when p_value ~ '^[=+\-@]' then '''' || p_value else p_value end as v) x
$$;

/** Section - Officers: planning the day */

-- Per session: places, booked, waiting; and how many asked for each kind of support (counting
-- each booking once, whatever sessions it has). Counts only, no names: not recorded as a read.
create function api.festival_officer_summary(p_edition text)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v private.festival_editions := private.festival_edition(p_edition);
begin
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_festival_officer', 'Only council officers can see the festival bookings.');
  end if;
  return jsonb_build_object('edition', v.slug, 'title', v.title, 'ends_at', v.ends_at, 'needs_deleted_at', v.needs_deleted_at,
    'delete_needs_from', v.ends_at + v.keep_needs_for, 'needs_due', now() >= v.ends_at + v.keep_needs_for,
    'bookings', (select count(*) from private.festival_bookings b where b.edition = v.slug and b.cancelled_at is null),
    'people', (select coalesce(sum(b.places), 0) from private.festival_bookings b where b.edition = v.slug and b.cancelled_at is null),
    'sessions', coalesce((select jsonb_agg(jsonb_build_object('key', s.key, 'title', s.title, 'place', s.place, 'starts_at', s.starts_at,
        'capacity', s.capacity, 'booked', private.festival_taken(s.id),
        'waiting', (select count(*) from private.festival_places p where p.session_id = s.id and p.status = 'waiting')) order by s.starts_at)
      from private.festival_sessions s where s.edition = v.slug), '[]'),
    'needs', (select jsonb_object_agg(k, (select count(*) from private.festival_access_needs n join private.festival_bookings b on b.id = n.booking_id
                                          where b.edition = v.slug and b.cancelled_at is null and k = any (n.needs)))
              from unnest(private.festival_need_kinds()) k),
    'other', (select count(*) from private.festival_access_needs n join private.festival_bookings b on b.id = n.booking_id
              where b.edition = v.slug and b.cancelled_at is null and n.other is not null));
end
$$;
select private.grant_api(array['festival_officer_summary'], array['authenticated']);

-- Everyone booked or waiting, by name, with the support they asked for: officers only, and each
-- read is recorded in the audit trail (who read the named list of which edition). p_purpose says
-- which view it is for ('bookings' or the printable 'check-in' list), as the trail shows it.
create function api.festival_officer_bookings(p_edition text, p_purpose text default 'bookings')
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.festival_editions := private.festival_edition(p_edition);
begin
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_festival_officer', 'Only council officers can see the festival bookings.');
  end if;
  if p_purpose is null or p_purpose not in ('bookings', 'check-in') then
    perform private.refuse('P0001', 'unknown_purpose', 'Ask for the bookings or the check-in list.', 'p_purpose');
  end if;
  perform private.set_audit_context('officer');
  perform private.record_read('read', 'festival ' || p_purpose || ': ' || v.title, null, null, jsonb_build_object('edition', v.slug));
  return jsonb_build_object('edition', v.slug, 'title', v.title,
    'bookings', coalesce((select jsonb_agg(jsonb_build_object('reference', b.reference, 'name', b.name, 'email', b.email, 'places', b.places,
        'booked_at', b.created_at,
        'sessions', (select coalesce(jsonb_agg(jsonb_build_object('key', s.key, 'status', p.status) order by s.starts_at), '[]')
                     from private.festival_places p join private.festival_sessions s on s.id = p.session_id where p.booking_id = b.id),
        'needs', (select jsonb_build_object('needs', to_jsonb(n.needs), 'interpreter', n.interpreter, 'dietary', n.dietary, 'other', n.other)
                  from private.festival_access_needs n where n.booking_id = b.id)) order by b.name, b.reference)
      from private.festival_bookings b where b.edition = v.slug and b.cancelled_at is null), '[]'),
    'waiting', coalesce((select jsonb_agg(jsonb_build_object('session', s.key, 'reference', b.reference, 'name', b.name, 'places', b.places,
        'position', row_number) order by s.starts_at, row_number)
      from (select p.*, row_number() over (partition by p.session_id order by p.queued) from private.festival_places p where p.status = 'waiting') p
      join private.festival_bookings b on b.id = p.booking_id join private.festival_sessions s on s.id = p.session_id
      where b.edition = v.slug), '[]'));
end
$$;
select private.grant_api(array['festival_officer_bookings'], array['authenticated']);

-- The venue's file: per session, places booked and how many need each kind of support there; no
-- names, emails or free text, so it can leave the council. Recorded as an export.
create function api.festival_venue_export(p_edition text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.festival_editions := private.festival_edition(p_edition);
  v_kinds text[] := private.festival_need_kinds();
  v_csv text;
begin
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_festival_officer', 'Only council officers can see the festival bookings.');
  end if;
  perform private.set_audit_context('officer');
  perform private.record_read('export', 'festival venue file: ' || v.title, null, null, jsonb_build_object('edition', v.slug));
  select 'session,starts,ends,room,capacity,people booked,waiting,' || array_to_string(v_kinds, ',') || E'\r\n'
      || coalesce(string_agg(concat_ws(',', private.csv_field(s.title), to_char(s.starts_at at time zone 'Europe/London', 'HH24:MI'),
           to_char(s.ends_at at time zone 'Europe/London', 'HH24:MI'), private.csv_field(coalesce(s.place, '')), s.capacity,
           private.festival_taken(s.id),
           (select count(*) from private.festival_places p where p.session_id = s.id and p.status = 'waiting'),
           (select string_agg((select count(*) from private.festival_places p join private.festival_bookings b on b.id = p.booking_id
                                 join private.festival_access_needs n on n.booking_id = b.id
                               where p.session_id = s.id and p.status = 'booked' and k = any (n.needs))::text, ',' order by o)
            from unnest(v_kinds) with ordinality u (k, o))) || E'\r\n', '' order by s.starts_at), '')
  into v_csv
  from private.festival_sessions s where s.edition = v.slug;
  return jsonb_build_object('filename', v.slug || '-venue.csv', 'csv', v_csv);
end
$$;
select private.grant_api(array['festival_venue_export'], array['authenticated']);

/** Section - Retention: access needs deleted after the event */

-- Deletes the access needs of every edition whose keeping time has run out (ends_at +
-- keep_needs_for), and nothing else: bookings, places and the counts stay. Used by the officer's
-- function below and by the schedule (the stand-in runs it hourly; production runs it with
-- pg_cron, see README). Answers how many bookings' needs were deleted.
create function private.festival_delete_due_needs(p_edition text default null)
returns int
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_deleted int;
begin
  with due as (
    select e.slug from private.festival_editions e
    where e.ends_at + e.keep_needs_for <= now() and (p_edition is null or e.slug = p_edition)
  ), gone as (
    delete from private.festival_access_needs n using private.festival_bookings b, due
    where b.id = n.booking_id and b.edition = due.slug
    returning n.booking_id
  )
  select count(*) into v_deleted from gone;
  update private.festival_editions e set needs_deleted_at = now()
  where e.ends_at + e.keep_needs_for <= now() and (p_edition is null or e.slug = p_edition) and e.needs_deleted_at is null;
  return v_deleted;
end
$$;

-- An officer deletes an edition's access needs once their keeping time is over (refused before).
create function api.festival_delete_access_needs(p_edition text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.festival_editions := private.festival_edition(p_edition);
begin
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_festival_officer', 'Only council officers can delete festival access needs.');
  end if;
  perform private.set_audit_context('officer');
  if now() < v.ends_at + v.keep_needs_for then
    perform private.refuse('PT409', 'needs_still_kept', 'Access needs are kept until a set time after the festival. They cannot be deleted yet.',
      null, null, jsonb_build_object('delete_from', v.ends_at + v.keep_needs_for));
  end if;
  return jsonb_build_object('deleted', private.festival_delete_due_needs(v.slug));
end
$$;
select private.grant_api(array['festival_delete_access_needs'], array['authenticated']);

-- The schedule's call (service role only): every edition that is due.
create function api.festival_retention_run()
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.set_audit_context('retention');
  return jsonb_build_object('deleted', private.festival_delete_due_needs(null));
end
$$;
select private.grant_api(array['festival_retention_run'], array['service_role']);

revoke execute on all functions in schema private from public;
