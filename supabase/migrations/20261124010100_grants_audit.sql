-- The audit trail: one append-only table of events, written in the same transaction as the
-- change it records. Triggers write an event for every insert, update and delete of a private
-- table; functions that show confidential data write a read record, whose own event goes into
-- the same chain. Each event stores the hash of the one before it and its own, so an edit or a
-- deletion made by someone who got round the triggers (a table owner can disable them) shows
-- up in api.verify_audit_chain().

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
  hash text not null
);
create sequence private.audit_events_id_seq owned by private.audit_events.id;
create index audit_events_table on private.audit_events (table_name, id);
create index audit_events_actor on private.audit_events (actor, id);
create index audit_events_at on private.audit_events (at);

-- The head of the chain: the newest event and its hash. Appending locks this one row, so events
-- join the chain one at a time even when many transactions write at once; it also lets the
-- check notice events cut off the end of the chain.
create table private.audit_chain_head (
  singleton boolean primary key default true check (singleton),
  last_id bigint,
  last_hash text not null,
  events bigint not null default 0
);
insert into private.audit_chain_head (singleton, last_id, last_hash, events) values (true, null, repeat('0', 64), 0);

-- Who read what. Rows are only ever inserted; each insert is itself an audit event.
create table private.read_records (
  id bigserial primary key,
  at timestamptz not null default now(),
  person_id uuid references private.people (id),
  kind text not null check (kind in ('read', 'export')),
  what text not null,
  round_id uuid references private.rounds (id),
  application_id uuid references private.applications (id),
  details jsonb
);
create index read_records_application on private.read_records (application_id, id);
create index read_records_person on private.read_records (person_id, id);

alter table private.audit_events enable row level security;
alter table private.audit_chain_head enable row level security;
alter table private.read_records enable row level security;
revoke all on table private.audit_events, private.audit_chain_head, private.read_records from public, anon, authenticated;

-- sha256(prev_hash || canonical text). The canonical text is a jsonb object's text form: jsonb
-- orders keys itself, and the time is written in UTC so the session's time zone cannot change it.
create function private.audit_event_hash(
  p_prev_hash text, p_id bigint, p_at timestamptz, p_actor uuid, p_actor_role text, p_action text,
  p_table text, p_row_id text, p_old jsonb, p_new jsonb, p_details jsonb
)
returns text
language sql
immutable
set search_path = ''
as $$
  select encode(extensions.digest(p_prev_hash || jsonb_build_object(
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
    'prev_hash', p_prev_hash
  )::text, 'sha256'), 'hex')
$$;

-- API functions say in what capacity the caller acts, and may add details (a reason, a forced
-- move) for the events of this transaction.
create function private.set_audit_context(p_acting_as text, p_details jsonb default null)
returns void
language sql
volatile
set search_path = ''
as $$
  select set_config('app.acting_as', p_acting_as, true), set_config('app.audit_details', coalesce(p_details::text, ''), true);
$$;

create function private.append_audit_event(p_action text, p_table text, p_row_id text, p_old jsonb, p_new jsonb)
returns bigint
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_head private.audit_chain_head;
  v_id bigint;
  v_at timestamptz := clock_timestamp();
  v_actor uuid := auth.uid();
  v_role text := coalesce(nullif(current_setting('app.acting_as', true), ''), auth.role(), session_user::text);
  v_details jsonb := nullif(current_setting('app.audit_details', true), '')::jsonb;
  v_hash text;
begin
  -- The row lock is what makes the chain linear: the id is taken after it, so ids follow the chain.
  select * into strict v_head from private.audit_chain_head where singleton for update;
  v_id := nextval('private.audit_events_id_seq');
  v_hash := private.audit_event_hash(v_head.last_hash, v_id, v_at, v_actor, v_role, p_action, p_table, p_row_id, p_old, p_new, v_details);
  insert into private.audit_events (id, at, actor, actor_role, action, table_name, row_id, old_values, new_values, details, prev_hash, hash)
  values (v_id, v_at, v_actor, v_role, p_action, p_table, p_row_id, p_old, p_new, v_details, v_head.last_hash, v_hash);
  update private.audit_chain_head set last_id = v_id, last_hash = v_hash, events = events + 1 where singleton;
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
