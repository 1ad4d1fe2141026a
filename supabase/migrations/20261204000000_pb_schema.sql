-- Participatory budgeting, part 1: the tables. As for the grants panel, everything lives in
-- schema `private` with row level security on and no grants to anon or authenticated; the only
-- way in is the functions in schema `api`. Money is in the process's currency, numeric(14,2).
--
-- Secrecy of the vote is built into the shape: who has voted (pb_voters) is one table, what a
-- ballot contains (pb_ballots) another, and the audit trail records that a person voted, never
-- which ballot is theirs or what it holds (see pb_audit_vote below).

/** Section - Phases */

-- The one home of a process's phases, in order. TypeScript derives its list from
-- src/lib/pb/phases.ts, and tests/db/pb/phases.test.ts compares the two.
create type private.pb_phase as enum ('draft', 'proposals', 'review', 'voting', 'counting', 'results');

-- A phase's place in the order (draft = 1), so rules can say "from review on".
create function private.pb_phase_rank(p_phase private.pb_phase)
returns int
language sql
immutable
set search_path = ''
as $$
  select array_position(enum_range(null::private.pb_phase), p_phase)
$$;

/** Section - Processes */

create table private.pb_processes (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title text not null check (length(btrim(title)) between 1 and 120),
  description text not null default '' check (length(description) <= 4000),
  -- Where the process is for, in words ("Oxfordshire", "Blackbird Leys").
  area text not null check (length(btrim(area)) between 1 and 120),
  budget numeric(14, 2) not null check (budget > 0 and budget <= 1000000000),
  currency text not null default 'GBP' check (currency ~ '^[A-Z]{3}$'),
  phase private.pb_phase not null default 'draft',
  phase_changed_at timestamptz not null default now(),
  -- How the vote is counted: 'equal-shares' (with its options) or 'greedy'.
  rule text not null default 'equal-shares' check (rule in ('equal-shares', 'greedy')),
  -- The engine's CountOptions other than the rule: completion, compareWithGreedy, seed, ...
  rule_options jsonb not null default '{"completion": "add1u", "compareWithGreedy": true, "seed": 1}'::jsonb
    check (jsonb_typeof(rule_options) = 'object'),
  min_projects int not null default 1 check (min_projects between 0 and 100),
  max_projects int check (max_projects is null or max_projects between 1 and 100),
  -- How a voter proves they may vote: 'voting_code' (a single-use code from a letter or an
  -- event) and/or 'postcode' (a signed-in resident declares a postcode in the area).
  eligibility text[] not null default array['voting_code']
    check (cardinality(eligibility) >= 1 and eligibility <@ array['voting_code', 'postcode']),
  -- Outward codes (or longer prefixes) of the postcodes in the area, e.g. {'OX1', 'OX2', 'OX44'}.
  postcode_prefixes text[] not null default '{}',
  created_by uuid references private.people (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (max_projects is null or max_projects >= min_projects)
);

-- When each phase opens and closes, as the public timeline shows them. Moving the phase is
-- still an officer's act (api.pb_move_phase): dates inform, they do not move anything.
create table private.pb_process_phases (
  process_id uuid not null references private.pb_processes (id) on delete cascade,
  phase private.pb_phase not null,
  starts_at timestamptz,
  ends_at timestamptz,
  primary key (process_id, phase),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);

-- Officers who run a process. People with private.people.is_officer may create processes and
-- become the first officer of the ones they create.
create table private.pb_process_officers (
  process_id uuid not null references private.pb_processes (id) on delete cascade,
  person_id uuid not null references private.people (id),
  added_at timestamptz not null default now(),
  primary key (process_id, person_id)
);
create index pb_process_officers_person on private.pb_process_officers (person_id);

create table private.pb_wards (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  unique (process_id, name)
);

create table private.pb_categories (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id) on delete cascade,
  name text not null check (length(btrim(name)) between 1 and 120),
  unique (process_id, name)
);

/** Section - Proposals */

create type private.pb_proposal_status as enum
  ('submitted', 'hidden', 'withdrawn', 'merged', 'feasible', 'not_feasible', 'shortlisted');

create table private.pb_proposals (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  -- P-001, P-002, ... within the process: what people quote on the phone.
  number int not null check (number > 0),
  author_id uuid references private.people (id),
  title text not null check (length(btrim(title)) between 1 and 120),
  summary text not null check (length(btrim(summary)) between 1 and 300),
  details text not null check (length(btrim(details)) between 1 and 4000),
  estimated_cost numeric(14, 2) not null check (estimated_cost > 0 and estimated_cost <= 1000000000),
  ward_id uuid references private.pb_wards (id),
  category_id uuid references private.pb_categories (id),
  beneficiaries text not null default '' check (length(beneficiaries) <= 1000),
  status private.pb_proposal_status not null default 'submitted',
  -- Why it was hidden (shown to the proposer) or found not feasible (shown to everyone).
  status_reason text check (length(status_reason) <= 1000),
  merged_into uuid references private.pb_proposals (id),
  checked_cost numeric(14, 2) check (checked_cost > 0 and checked_cost <= 1000000000),
  feasibility_note text check (length(feasibility_note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    to_tsvector('english'::regconfig, title || ' ' || summary || ' ' || details || ' ' || beneficiaries)
  ) stored,
  unique (process_id, number),
  check ((status = 'merged') = (merged_into is not null)),
  check (status not in ('hidden', 'not_feasible') or status_reason is not null),
  check (status <> 'shortlisted' or checked_cost is not null)
);
create index pb_proposals_process on private.pb_proposals (process_id, status, number);
create index pb_proposals_author on private.pb_proposals (author_id);
create index pb_proposals_search on private.pb_proposals using gin (search);

/** Section - Who may vote */

-- Codes go out on letters and at events. Only a hash is kept; the codes themselves are shown
-- once, to the officer who issues the batch, for printing.
create table private.pb_code_batches (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  label text not null check (length(btrim(label)) between 1 and 120),
  size int not null check (size between 1 and 100000),
  issued_by uuid references private.people (id),
  issued_at timestamptz not null default now()
);

create table private.pb_voting_codes (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  batch_id uuid not null references private.pb_code_batches (id),
  code_hash text not null unique,
  used_at timestamptz,
  used_channel text check (used_channel in ('online', 'paper')),
  check ((used_at is null) = (used_channel is null))
);
create index pb_voting_codes_batch on private.pb_voting_codes (batch_id);

create table private.pb_polling_stations (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  name text not null check (length(btrim(name)) between 1 and 120),
  created_at timestamptz not null default now(),
  unique (process_id, name)
);

create table private.pb_paper_batches (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  station_id uuid not null references private.pb_polling_stations (id),
  entered_by uuid references private.people (id),
  created_at timestamptz not null default now()
);

-- Wrong codes officers type while entering paper ballots are not limited (a station's pile of
-- ballots means many codes in a row) but each is kept in an audited table, so an officer's
-- account used to guess codes shows in the audit trail. The code itself is not kept: a typing
-- slip can be one character from a real code.
create table private.pb_paper_code_misses (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  station_id uuid not null references private.pb_polling_stations (id),
  entered_by uuid not null references private.people (id),
  at timestamptz not null default now()
);

-- A signed-in resident's declared postcode, per process, once they have proved eligibility.
create table private.pb_eligible_people (
  process_id uuid not null references private.pb_processes (id),
  person_id uuid not null references private.people (id),
  method text not null check (method in ('voting_code', 'postcode')),
  postcode text check (length(postcode) <= 10),
  code_id uuid unique references private.pb_voting_codes (id),
  proved_at timestamptz not null default now(),
  primary key (process_id, person_id),
  check ((method = 'voting_code') = (code_id is not null))
);

/** Section - Ballots */

-- Who has voted: one row per eligible person or code per process, enforced by the unique
-- constraints, so two requests at once (or online and paper) can never make two ballots.
create table private.pb_voters (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  person_id uuid references private.people (id),
  code_id uuid references private.pb_voting_codes (id),
  ballot_id uuid not null,
  first_voted_at timestamptz not null default now(),
  -- When the vote was last changed (null until then): set by each change, so the write that
  -- locks the voter's row is also the change's one audit event (see private.pb_audit_vote).
  changed_at timestamptz,
  unique (process_id, person_id),
  unique (code_id),
  unique (ballot_id),
  check (person_id is not null or code_id is not null)
)
-- Room on each page, so a change of vote rewrites these rows in place (HOT) without touching
-- their four indexes.
with (fillfactor = 80);

-- What a ballot holds, apart from who cast it. `public_id` is the random voter id of the
-- published ballot file: it says nothing about the voter or the order of voting.
create table private.pb_ballots (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  public_id text not null unique default encode(extensions.gen_random_bytes(9), 'hex'),
  proposal_ids uuid[] not null check (cardinality(proposal_ids) <= 100),
  channel text not null check (channel in ('online', 'paper')),
  station_id uuid references private.pb_polling_stations (id),
  paper_batch_id uuid references private.pb_paper_batches (id),
  cast_at timestamptz not null default now(),
  changed_at timestamptz,
  changes int not null default 0,
  check ((channel = 'paper') = (station_id is not null))
)
with (fillfactor = 80);
create index pb_ballots_process on private.pb_ballots (process_id, public_id);
create index pb_ballots_station on private.pb_ballots (station_id) where station_id is not null;

alter table private.pb_voters add foreign key (ballot_id) references private.pb_ballots (id) deferrable initially deferred;

-- Receipts: the voter keeps the code, we keep its hash. A changed ballot gets a new receipt,
-- numbered by the ballot's `changes` then, so only the last ballot counts and a voter can see so:
-- a receipt is replaced once its ballot has one with a higher number (at that one's issued_at).
-- Derived, not marked: marking the old receipt was an update per change of vote, a quarter of
-- the cost of the cast's own writes, and a stored mark could disagree with the receipts there are.
create table private.pb_receipts (
  receipt_hash text primary key,
  ballot_id uuid not null references private.pb_ballots (id),
  -- 0 for a ballot's first receipt (and the seed's), then 1, 2, ...: one receipt per version.
  number int not null default 0 check (number >= 0),
  -- What the ballot held when this receipt was given, so a replaced receipt still shows its own
  -- ballot and never the later one. Null for receipts written before (the seed): then the
  -- ballot's current content, which is the same while the receipt is the latest.
  proposal_ids uuid[],
  issued_at timestamptz not null default now(),
  unique (ballot_id, number)
);

/** Section - Results */

create table private.pb_results (
  id uuid primary key default gen_random_uuid(),
  process_id uuid not null references private.pb_processes (id),
  rule text not null check (rule in ('equal-shares', 'greedy')),
  options jsonb not null,
  -- The exact .pb file that was counted, and its sha256: the published file is this one.
  ballot_file text not null,
  ballot_file_sha256 text not null check (ballot_file_sha256 ~ '^[0-9a-f]{64}$'),
  -- The engine's CountResult as it came out.
  result jsonb not null,
  ballots int not null check (ballots >= 0),
  counted_by uuid references private.people (id),
  counted_at timestamptz not null default now(),
  published_at timestamptz,
  published_by uuid references private.people (id)
);
create index pb_results_process on private.pb_results (process_id, counted_at desc);
create unique index pb_results_one_published on private.pb_results (process_id) where published_at is not null;

-- The ballot file last handed to the count (api.pb_count_input), one per process: storing the
-- result takes the file from here, byte for byte the one whose sha256 was counted, instead of
-- building it again (as long as building it, once more). `inputs` fingerprints what the file is
-- made of (private.pb_count_fingerprint), so a ballot or project changed since is noticed.
create table private.pb_count_files (
  process_id uuid primary key references private.pb_processes (id),
  ballot_file text not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  inputs text not null,
  made_at timestamptz not null default now()
);

/** Section - Security and the audit trail */

alter table private.pb_processes enable row level security;
alter table private.pb_process_phases enable row level security;
alter table private.pb_process_officers enable row level security;
alter table private.pb_wards enable row level security;
alter table private.pb_categories enable row level security;
alter table private.pb_proposals enable row level security;
alter table private.pb_code_batches enable row level security;
alter table private.pb_voting_codes enable row level security;
alter table private.pb_polling_stations enable row level security;
alter table private.pb_paper_batches enable row level security;
alter table private.pb_paper_code_misses enable row level security;
alter table private.pb_eligible_people enable row level security;
alter table private.pb_voters enable row level security;
alter table private.pb_ballots enable row level security;
alter table private.pb_receipts enable row level security;
alter table private.pb_results enable row level security;
alter table private.pb_count_files enable row level security;
revoke all on table
  private.pb_processes, private.pb_process_phases, private.pb_process_officers, private.pb_wards,
  private.pb_categories, private.pb_proposals, private.pb_code_batches, private.pb_voting_codes,
  private.pb_polling_stations, private.pb_paper_batches, private.pb_eligible_people, private.pb_voters,
  private.pb_ballots, private.pb_receipts, private.pb_results, private.pb_count_files, private.pb_paper_code_misses
from public, anon, authenticated;

select private.audit_table('private.pb_processes');
select private.audit_table('private.pb_process_phases', array['process_id', 'phase']);
select private.audit_table('private.pb_process_officers', array['process_id', 'person_id']);
select private.audit_table('private.pb_wards');
select private.audit_table('private.pb_categories');
select private.audit_table('private.pb_proposals');
select private.audit_table('private.pb_code_batches');
select private.audit_table('private.pb_polling_stations');
select private.audit_table('private.pb_paper_batches');
select private.audit_table('private.pb_paper_code_misses');
select private.audit_table('private.pb_eligible_people', array['process_id', 'person_id']);

-- The vote's own tables (and results and the kept count files, see below) are audited without their content: an event says that a person (or a
-- code) voted or changed their vote, in which process and by which channel; never the ballot,
-- its id, its receipt or what it holds. Code hashes are left out too (a code is guessable
-- only by whoever holds the list, but the trail is read by more people than that).
-- A cast is ONE event, its voter row's: inserted when someone first votes ("changed": false),
-- updated (changed_at) by each change of vote ("changed": true), a write the cast needs anyway
-- as the voter's lock. The ballot and receipt rows written with it carry nothing the trail may
-- show, so they are not audited row by row (see the triggers below): a paper ballot's insert
-- still is (it names the station), and so is every other write to them, so nothing reaches a
-- ballot or a receipt without an event. A ballot's `changes` equals its voter's "changed" events.
create function private.pb_audit_vote()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_row jsonb;
  v_what jsonb;
  v_row_id text;
begin
  -- A result is audited whole but for the counted file and the engine's output, which are
  -- megabytes each and public once published; their sha256 stays in the event.
  if tg_table_name = 'pb_results' then
    perform private.append_audit_event(lower(tg_op), tg_table_name, coalesce(new.id, old.id)::text,
      case when tg_op <> 'INSERT' then to_jsonb(old) - 'ballot_file' - 'result' end,
      case when tg_op <> 'DELETE' then to_jsonb(new) - 'ballot_file' - 'result' end);
    return null;
  end if;
  -- The file kept for a count is audited by its sha256 alone, for the same reason; its fields
  -- are read directly, so the megabytes are never turned into jsonb at all.
  if tg_table_name = 'pb_count_files' then
    v_what := case when tg_op = 'DELETE' then jsonb_build_object('process_id', old.process_id, 'sha256', old.sha256, 'made_at', old.made_at)
                   else jsonb_build_object('process_id', new.process_id, 'sha256', new.sha256, 'made_at', new.made_at) end;
    perform private.append_audit_event(lower(tg_op), tg_table_name, v_what ->> 'process_id', null, v_what);
    return null;
  end if;
  v_row := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  if tg_table_name = 'pb_voters' then
    v_what := jsonb_build_object('process_id', v_row ->> 'process_id', 'person_id', v_row ->> 'person_id',
                                 'by_code', (v_row ->> 'code_id') is not null, 'changed', tg_op = 'UPDATE');
    v_row_id := v_row ->> 'id';
  elsif tg_table_name = 'pb_ballots' then
    v_what := jsonb_build_object('process_id', v_row ->> 'process_id', 'channel', v_row ->> 'channel',
                                 'station_id', v_row ->> 'station_id', 'changed', tg_op = 'UPDATE');
  elsif tg_table_name = 'pb_voting_codes' then
    v_what := jsonb_build_object('process_id', v_row ->> 'process_id', 'batch_id', v_row ->> 'batch_id',
                                 'used_channel', v_row ->> 'used_channel');
  else
    v_what := jsonb_build_object('process_id', (select b.process_id from private.pb_ballots b where b.id = (v_row ->> 'ballot_id')::uuid));
  end if;
  perform private.append_audit_event(lower(tg_op), tg_table_name, v_row_id, null, v_what);
  return null;
end
$$;

create trigger pb_audit_vote after insert or update or delete on private.pb_voters
  for each row execute function private.pb_audit_vote();
-- A ballot: a paper ballot's insert; any update but a change of vote (which counts itself in
-- `changes`, and whose event is its voter's); any delete.
create trigger pb_audit_vote_paper after insert on private.pb_ballots
  for each row when (new.channel = 'paper') execute function private.pb_audit_vote();
create trigger pb_audit_vote after update on private.pb_ballots
  for each row when (new.changes = old.changes) execute function private.pb_audit_vote();
create trigger pb_audit_vote_delete after delete on private.pb_ballots
  for each row execute function private.pb_audit_vote();
create trigger pb_audit_vote after insert or update or delete on private.pb_voting_codes
  for each row execute function private.pb_audit_vote();
-- A receipt: given with its cast (whose event is the voter's) and never changed after; any
-- update, and any delete, is audited.
create trigger pb_audit_vote after update on private.pb_receipts
  for each row execute function private.pb_audit_vote();
create trigger pb_audit_vote_delete after delete on private.pb_receipts
  for each row execute function private.pb_audit_vote();
create trigger pb_audit_vote after insert or update or delete on private.pb_results
  for each row execute function private.pb_audit_vote();
create trigger pb_audit_vote after insert or update or delete on private.pb_count_files
  for each row execute function private.pb_audit_vote();
create trigger audit_no_truncate before truncate on private.pb_results
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.pb_count_files
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.pb_voters
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.pb_ballots
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.pb_voting_codes
  for each statement execute function private.refuse_truncate();
create trigger audit_no_truncate before truncate on private.pb_receipts
  for each statement execute function private.refuse_truncate();

-- Per-schema default privileges cannot take away PUBLIC's execute right, so each topic file
-- ends by taking it away from what it made.
revoke execute on all functions in schema private from public;
