-- The audit trail: one append-only table of events, written in the same transaction as the
-- change it records. Triggers write an event for every insert, update and delete of a private
-- table; functions that show confidential data write a read record, whose own event goes into
-- the same chain. Each event stores the hash of the one before it and its own, so an edit or a
-- deletion made by someone who got round the triggers (a table owner can disable them) shows
-- up in api.verify_audit_chain(). Whoever holds the database could still recompute every hash;
-- signed checkpoints of the heads, kept outside the database, catch that (see
-- 20261124011150_audit_checkpoints.sql and supabase/local/checkpoints.ts).
--
-- Lanes, not one chain. With one head row every audited write waited for the one before it to
-- commit (about 300 writes a second, whatever the hardware). The trail is instead 64 chains
-- ("lanes"), each with its own head row: a transaction takes the lane numbered by its
-- transaction id modulo 64 and puts all its events there, so it holds at most one lane lock and
-- two transactions can never wait for each other in a cycle. What each guarantee rests on:
--   order: ids come from one sequence, taken under the lane lock, so within a lane the chain order
--     and the id order agree, and across lanes the ids and times order events as they were written;
--   completeness: every lane has a head (last event, its hash, how many events), so events cut
--     off any lane's end are noticed, and a checkpoint signs every lane's head;
--   tamper evidence: each lane is a hash chain like the single one was; verify walks all of them.
-- The alternative, writing events unchained and sealing them into the chain in batches later,
-- leaves every event unprotected until a sealer runs (and needs a scheduler PGlite lacks); lanes
-- protect each event from the moment it commits.
--
-- Each event also has a random secret salt (128 bits) inside its hash. The trail shows hashes to
-- its readers while some values (scores during scoring) are hidden from them; without the salt a
-- reader could hash every possible value and see which one matches. The salt is never returned
-- by any api function except the export for the service role's checkpoint verification.

create table private.audit_events (
  id bigint primary key,
  at timestamptz not null,
  actor uuid,
  -- The capacity the actor acted in: officer, member, chair, clerk, reviewer, ... or the
  -- database role for changes made outside the API (migrations, the seed).
  actor_role text not null,
  action text not null check (action in ('insert', 'update', 'delete', 'read', 'export')),
  table_name text not null,
  row_id text,
  old_values jsonb,
  new_values jsonb,
  details jsonb,
  prev_hash text not null,
  hash text not null,
  lane smallint not null,
  salt bytea not null
);
create sequence private.audit_events_id_seq owned by private.audit_events.id;
create index audit_events_table on private.audit_events (table_name, id);
create index audit_events_actor on private.audit_events (actor, id);
create index audit_events_at on private.audit_events (at);

-- How many lanes there are: enough that 32 writers at once rarely share one.
create function private.audit_lanes()
returns int
language sql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$ select 64 $$;

-- The head of each lane: its newest event and its hash, and how many events it holds. Appending
-- locks the lane's row until commit, so a lane's events join it one at a time; the heads also let
-- the check notice events cut off the end of a lane.
create table private.audit_chain_head (
  lane smallint primary key check (lane >= 0 and lane < 64),
  last_id bigint,
  last_hash text not null,
  events bigint not null default 0
);
insert into private.audit_chain_head (lane, last_id, last_hash, events)
select g, null, repeat('0', 64), 0 from generate_series(0, private.audit_lanes() - 1) as g;

-- Who read what. Rows are only ever inserted; each insert is itself an audit event.
create table private.read_records (
  id bigserial primary key,
  at timestamptz not null default now(),
  person_id uuid references private.people (id),
  kind text not null check (kind in ('read', 'export')),
  what text not null,
  round_id uuid references private.rounds (id),
  -- Not a foreign key: a record of a read outlives what was read (an application withdrawn
  -- online before scoring is deleted, and the trail keeps its old values).
  application_id uuid,
  details jsonb
);
create index read_records_application on private.read_records (application_id, id);
create index read_records_person on private.read_records (person_id, id);

alter table private.audit_events enable row level security;
alter table private.audit_chain_head enable row level security;
alter table private.read_records enable row level security;
revoke all on table private.audit_events, private.audit_chain_head, private.read_records from public, anon, authenticated;

-- The text an event's hash is taken over: a jsonb object's text form (jsonb orders keys itself,
-- and the time is written in UTC so the session's time zone cannot change it). It includes the
-- lane and the salt. A verifier outside the database gets this text and checks that
-- sha256(prev_hash || text) is the event's hash, so it need not rebuild jsonb's text form.
-- This, the hash below and set_audit_context are plpgsql, not sql: a SQL function with its own
-- search_path is planned again in every transaction, plpgsql keeps its plan for the session, and
-- every audited write calls them (about a third of a ballot's time went on planning them).
create function private.audit_event_text(
  p_prev_hash text, p_id bigint, p_at timestamptz, p_actor uuid, p_actor_role text, p_action text,
  p_table text, p_row_id text, p_old jsonb, p_new jsonb, p_details jsonb, p_lane smallint, p_salt bytea
)
returns text
language plpgsql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
begin
  return jsonb_build_object(
    'id', p_id,
    'at', to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor', p_actor,
    'actor_role', p_actor_role,
    'action', p_action,
    'table_name', p_table,
    'row_id', p_row_id,
    'old_values', p_old,
    'new_values', p_new,
    'details', p_details,
    'prev_hash', p_prev_hash,
    'lane', p_lane,
    'salt', encode(p_salt, 'hex')
  )::text;
end
$$;

-- sha256(prev_hash || the event's text).
create function private.audit_event_hash(
  p_prev_hash text, p_id bigint, p_at timestamptz, p_actor uuid, p_actor_role text, p_action text,
  p_table text, p_row_id text, p_old jsonb, p_new jsonb, p_details jsonb, p_lane smallint, p_salt bytea
)
returns text
language plpgsql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
begin
  return encode(extensions.digest(p_prev_hash || private.audit_event_text(p_prev_hash, p_id, p_at, p_actor, p_actor_role,
    p_action, p_table, p_row_id, p_old, p_new, p_details, p_lane, p_salt), 'sha256'), 'hex');
end
$$;

-- One digest of every lane's head hash, in lane order, each followed by a newline: what the
-- checkpoints and verify_audit_chain call "the head".
create function private.audit_heads_digest(p_hashes text[])
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(coalesce(string_agg(h || E'\n', '' order by n), ''), 'sha256'), 'hex')
  from unnest(p_hashes) with ordinality as u (h, n)
$$;

-- API functions say in what capacity the caller acts, and may add details (a reason, a forced
-- move) for the events of this transaction.
create function private.set_audit_context(p_acting_as text, p_details jsonb default null)
returns void
language plpgsql
volatile
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
begin
  perform set_config('app.acting_as', p_acting_as, true), set_config('app.audit_details', coalesce(p_details::text, ''), true);
end
$$;

create function private.append_audit_event(p_action text, p_table text, p_row_id text, p_old jsonb, p_new jsonb)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- The whole transaction stays in one lane (see the top of this file).
  v_lane smallint := (txid_current() % private.audit_lanes())::smallint;
  v_head private.audit_chain_head;
  v_id bigint;
  v_at timestamptz;
  -- auth.uid(), not private.caller(): this records who wrote, it decides nothing, and every
  -- write must leave its event (the function that wrote has already checked the session).
  v_actor uuid := auth.uid();
  v_role text := coalesce(nullif(current_setting('app.acting_as', true), ''), auth.role(), session_user::text);
  v_details jsonb := nullif(current_setting('app.audit_details', true), '')::jsonb;
  v_salt bytea := extensions.gen_random_bytes(16);
  v_hash text;
begin
  -- The row lock is what makes the lane linear: the id and the time are taken after it, so ids
  -- follow the lane's chain, and a checkpoint that holds every lane's lock knows that every event
  -- timed before it is in it.
  select * into strict v_head from private.audit_chain_head where lane = v_lane for update;
  v_at := clock_timestamp();
  v_id := nextval('private.audit_events_id_seq');
  v_hash := private.audit_event_hash(v_head.last_hash, v_id, v_at, v_actor, v_role, p_action, p_table, p_row_id, p_old, p_new, v_details, v_lane, v_salt);
  insert into private.audit_events (id, at, actor, actor_role, action, table_name, row_id, old_values, new_values, details, prev_hash, hash, lane, salt)
  values (v_id, v_at, v_actor, v_role, p_action, p_table, p_row_id, p_old, p_new, v_details, v_head.last_hash, v_hash, v_lane, v_salt);
  update private.audit_chain_head set last_id = v_id, last_hash = v_hash, events = events + 1 where lane = v_lane;
  return v_id;
end
$$;

-- The trigger's arguments name the key columns; the row id is their values joined with '/'.
create function private.audit_row_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_old jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  v_new jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  v_row_id text;
begin
  select string_agg(coalesce(v_new, v_old) ->> k, '/' order by n) into v_row_id
  from unnest(tg_argv) with ordinality as u (k, n);
  perform private.append_audit_event(lower(tg_op), tg_table_name, v_row_id, v_old, v_new);
  return null;
end
$$;

create function private.audit_read_record()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.append_audit_event(new.kind, tg_table_name, new.id::text, null, to_jsonb(new));
  return null;
end
$$;

create function private.refuse_audit_change()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'The audit trail cannot be changed or deleted.' using errcode = 'PT403',
    hint = format('%s on %s was refused: audit records are append-only.', tg_op, tg_table_name);
end
$$;

-- TRUNCATE skips row triggers, so it is refused on every audited table.
create function private.refuse_truncate()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'Emptying % is not allowed: every change must leave an audit event.', tg_table_name using errcode = 'PT403';
end
$$;

create trigger audit_events_append_only before update or delete on private.audit_events
  for each row execute function private.refuse_audit_change();
create trigger audit_events_no_truncate before truncate on private.audit_events
  for each statement execute function private.refuse_truncate();
create trigger read_records_append_only before update or delete on private.read_records
  for each row execute function private.refuse_audit_change();
create trigger read_records_no_truncate before truncate on private.read_records
  for each statement execute function private.refuse_truncate();
create trigger read_records_audit after insert on private.read_records
  for each row execute function private.audit_read_record();

-- Other migrations that add a private table call this too, so nothing escapes the trail:
--   select private.audit_table('private.my_table', array['id']);
create function private.audit_table(p_table regclass, p_key text[] default array['id'])
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute format('create trigger audit_row_change after insert or update or delete on %s '
                 'for each row execute function private.audit_row_change(%s)',
                 p_table, (select string_agg(quote_literal(k), ', ') from unnest(p_key) as k));
  execute format('create trigger audit_no_truncate before truncate on %s '
                 'for each statement execute function private.refuse_truncate()', p_table);
end
$$;

select private.audit_table('private.people');
select private.audit_table('private.funds');
select private.audit_table('private.rounds');
select private.audit_table('private.criteria');
select private.audit_table('private.applications');
select private.audit_table('private.application_contacts', array['application_id']);
select private.audit_table('private.panel_members');
select private.audit_table('private.confidentiality_acceptances', array['member_id']);
select private.audit_table('private.conflict_declarations', array['member_id', 'application_id']);
select private.audit_table('private.scores', array['member_id', 'application_id', 'criterion_id']);
select private.audit_table('private.score_submissions', array['member_id', 'application_id']);
select private.audit_table('private.panel_votes', array['member_id', 'application_id']);
select private.audit_table('private.recommendations', array['application_id']);
select private.audit_table('private.reviewers', array['round_id', 'person_id']);
select private.audit_table('private.review_meetings');
select private.audit_table('private.review_comments');
select private.audit_table('private.cabinet_decisions', array['application_id']);

-- Every auth user gets a people row (no powers) when they are created, as Supabase projects
-- usually do with a trigger on auth.users; existing users are added now.
create function private.create_person_for_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into private.people (id, display_name)
  values (new.id, left(coalesce(nullif(btrim(new.raw_user_meta_data ->> 'display_name'), ''),
                                nullif(split_part(coalesce(new.email, ''), '@', 1), ''), 'New user'), 120))
  on conflict (id) do nothing;
  return null;
end
$$;

create trigger grants_create_person after insert on auth.users
  for each row execute function private.create_person_for_user();

insert into private.people (id, display_name)
select u.id, left(coalesce(nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''),
                           nullif(split_part(coalesce(u.email, ''), '@', 1), ''), 'New user'), 120)
from auth.users u
on conflict (id) do nothing;
