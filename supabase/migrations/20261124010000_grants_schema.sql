-- Grants panel, part 1: the tables. Everything lives in schema `private` with row level security
-- on and no grants to anon or authenticated: the only way in is the functions in schema `api`,
-- which check who is calling themselves. Money is in pounds, numeric(12,2).

/** Section - People and funds */

-- One row per Supabase Auth user. What a person may do comes from these flags and from the
-- membership tables below, never from user-editable metadata.
create table private.people (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null check (length(btrim(display_name)) between 1 and 120),
  is_officer boolean not null default false,
  is_scrutiny boolean not null default false,
  created_at timestamptz not null default now()
);

create table private.funds (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null check (length(btrim(name)) between 1 and 200),
  description text not null default '',
  budget numeric(12, 2) not null check (budget > 0),
  budget_period text not null default 'a year',
  -- In a sentence, for the public list of open rounds on /grants/ ("Who can apply").
  who_can_apply text not null default '' check (length(who_can_apply) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

/** Section - Rounds and criteria */

-- The stages of a round's life, in order: their one definition. Each move is one step forward,
-- by an officer (api.move_round). An enum compares in this order, so `state >= 'panel'` reads
-- "has reached the panel", and a misspelt stage is an error rather than a silent mismatch.
-- src/lib/grants/rounds.ts lists the same stages (tests/db/grants/states.test.ts compares them).
create type private.round_state as enum ('draft', 'open', 'closed', 'scoring', 'panel', 'recommended', 'decided', 'published');

create table private.rounds (
  id uuid primary key default gen_random_uuid(),
  fund_id uuid not null references private.funds (id),
  title text not null check (length(btrim(title)) between 1 and 200),
  -- Application references are <prefix>-<nnn>, e.g. INN26-007.
  reference_prefix text not null unique check (reference_prefix ~ '^[A-Z0-9]{2,10}$'),
  state private.round_state not null default 'draft',
  opens_on date,
  closes_on date,
  scoring_deadline timestamptz,
  panel_date date,
  agreement_text text not null default
    'What you read as a member of this panel is confidential. Do not share applications, scores or '
    'the panel''s discussion with anyone outside the panel, and do not keep copies after the panel '
    'has finished. Tell the grants officer before you read an application if you, your family or '
    'an organisation you are involved with could gain from it. Score each application on your own, '
    'against the scoring questions, before the panel meets.',
  -- Community and councillor seat means more than this many points apart (out of 100) are flagged.
  seat_margin numeric(5, 2) not null default 10 check (seat_margin between 0 and 100),
  -- A fair panel before scoring opens: the chair, and at least this many members in each seat
  -- besides the chair (private.panel_shortfall). The officer may start anyway with a reason.
  community_members_needed int not null default 2 check (community_members_needed between 0 and 20),
  councillors_needed int not null default 2 check (councillors_needed between 0 and 20),
  state_changed_at timestamptz not null default now(),
  published_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (closes_on is null or opens_on is null or closes_on >= opens_on)
);
create index rounds_fund on private.rounds (fund_id);

-- A score for a criterion is a whole number from 0 to `maximum`; descriptors[i] describes score i.
create table private.criteria (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references private.rounds (id) on delete cascade,
  position int not null default 1,
  title text not null check (length(btrim(title)) between 1 and 200),
  guidance text not null default '',
  weight numeric(6, 2) not null check (weight > 0 and weight <= 100),
  maximum int not null check (maximum between 1 and 10),
  descriptors jsonb not null
    check (jsonb_typeof(descriptors) = 'array' and jsonb_array_length(descriptors) = maximum + 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index criteria_round on private.criteria (round_id, position);

/** Section - Applications */

-- What the panel may read. The applicant's contact details are kept apart in
-- application_contacts, which no panel function reads, so a pack cannot include them by mistake.
create table private.applications (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references private.rounds (id),
  reference text not null unique,
  organisation_name text not null check (length(btrim(organisation_name)) between 1 and 200),
  organisation_type text not null check (organisation_type in (
    'registered charity', 'charitable incorporated organisation', 'community interest company',
    'company limited by guarantee', 'community group', 'social enterprise', 'other')),
  charity_number text check (charity_number ~ '^[0-9]{6,8}(-[0-9]+)?$'),
  company_number text check (company_number ~ '^[A-Z0-9]{8}$'),
  project_title text not null check (length(btrim(project_title)) between 1 and 200),
  description text not null,
  amount_requested numeric(12, 2) not null check (amount_requested > 0),
  -- [{ "item": "Venue hire", "amount": 1200 }, ...]
  budget_lines jsonb not null default '[]' check (jsonb_typeof(budget_lines) = 'array'),
  outcomes text not null default '',
  beneficiaries text not null default '',
  area text not null default '',
  -- Where the recipient is and when the project runs, for the 360Giving file (recipient postcode and
  -- location, plannedDates). Optional: applications typed in by officers may not have them.
  recipient_postcode text check (recipient_postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
  planned_start date,
  planned_end date,
  check (planned_end is null or planned_start is null or planned_end >= planned_start),
  -- The officer's plain-English summary, written for the panel pack.
  summary text,
  summary_by uuid references private.people (id),
  summary_at timestamptz,
  -- The signed-in person who applied, when the application came in online.
  applicant_id uuid references private.people (id),
  received_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index applications_round on private.applications (round_id, reference);

create table private.application_contacts (
  application_id uuid primary key references private.applications (id) on delete cascade,
  contact_name text not null,
  contact_role text,
  email text,
  phone text,
  address text,
  check (email is not null or phone is not null or address is not null)
);

/** Section - The panel */

-- A seat is community or councillor; the clerk supports the panel and has no seat (does not score).
create table private.panel_members (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references private.rounds (id),
  person_id uuid not null references private.people (id),
  role text not null default 'member' check (role in ('member', 'chair', 'clerk')),
  seat text check (seat in ('community', 'councillor')),
  -- e.g. "carer", "person who uses services", "young person", or a councillor's party.
  background text,
  added_at timestamptz not null default now(),
  -- Members are removed, not deleted, so their earlier declarations and scores stay explained.
  removed_at timestamptz,
  removed_reason text,
  unique (round_id, person_id),
  check ((role = 'clerk') = (seat is null))
);
create index panel_members_person on private.panel_members (person_id);
create unique index panel_members_one_chair on private.panel_members (round_id) where role = 'chair' and removed_at is null;

create table private.confidentiality_acceptances (
  member_id uuid primary key references private.panel_members (id),
  round_id uuid not null references private.rounds (id),
  -- sha256 of the agreement text the member saw, so a later change of wording is visible.
  agreement_sha256 text not null,
  accepted_at timestamptz not null default now()
);

create table private.conflict_declarations (
  member_id uuid not null references private.panel_members (id),
  application_id uuid not null references private.applications (id),
  round_id uuid not null references private.rounds (id),
  has_conflict boolean not null,
  reason text,
  declared_at timestamptz not null default now(),
  primary key (member_id, application_id),
  check (not has_conflict or length(btrim(coalesce(reason, ''))) > 0)
);
create index conflict_declarations_round on private.conflict_declarations (round_id) where has_conflict;
create index conflict_declarations_application on private.conflict_declarations (application_id);

/** Section - Scoring and votes */

create table private.scores (
  application_id uuid not null references private.applications (id),
  member_id uuid not null references private.panel_members (id),
  criterion_id uuid not null references private.criteria (id),
  round_id uuid not null references private.rounds (id),
  score int not null check (score >= 0),
  comment text check (length(comment) <= 2000),
  updated_at timestamptz not null default now(),
  primary key (application_id, member_id, criterion_id)
);
create index scores_round on private.scores (round_id);
create index scores_member on private.scores (member_id, application_id);

-- A member's scores for an application are a draft until submitted_at is set. Reopening clears
-- it again (with who, when and why), so submitted scores change only through a recorded reopen.
create table private.score_submissions (
  application_id uuid not null references private.applications (id),
  member_id uuid not null references private.panel_members (id),
  round_id uuid not null references private.rounds (id),
  submitted_at timestamptz,
  -- The member's weighted total out of 100, worked out when they submit (by the trigger
  -- private.guard_score_submission); submitted scores cannot change, so it cannot go stale.
  weighted_total numeric,
  reopen_requested_at timestamptz,
  reopen_request_reason text,
  reopened_at timestamptz,
  reopened_by uuid references private.people (id),
  reopen_count int not null default 0,
  primary key (application_id, member_id),
  check ((submitted_at is null) = (weighted_total is null))
);
create index score_submissions_round on private.score_submissions (round_id);
create index score_submissions_member on private.score_submissions (member_id);

-- Votes on the panel day. A conflicted member cannot cast one (checked in api.cast_panel_vote).
create table private.panel_votes (
  application_id uuid not null references private.applications (id),
  member_id uuid not null references private.panel_members (id),
  round_id uuid not null references private.rounds (id),
  vote text not null check (vote in ('award', 'not_award', 'award_with_conditions', 'abstain')),
  cast_at timestamptz not null default now(),
  primary key (application_id, member_id)
);
create index panel_votes_round on private.panel_votes (round_id);

/** Section - After the panel: recommendations, review, Cabinet */

create table private.recommendations (
  application_id uuid primary key references private.applications (id),
  round_id uuid not null references private.rounds (id),
  outcome text not null check (outcome in ('award', 'not_award', 'award_with_conditions')),
  amount numeric(12, 2) check (amount > 0),
  conditions text,
  reasons text not null check (length(btrim(reasons)) > 0),
  how_agreed text not null check (how_agreed in ('consensus', 'majority vote')),
  -- The panel votes at the moment the recommendation was recorded.
  vote_tally jsonb,
  recorded_by uuid references private.people (id),
  recorded_at timestamptz not null default now(),
  check ((outcome = 'not_award') = (amount is null)),
  check (outcome <> 'award_with_conditions' or length(btrim(coalesce(conditions, ''))) > 0)
);
create index recommendations_round on private.recommendations (round_id);

-- Councillors who read the recommendations on their way to Cabinet (the review path).
create table private.reviewers (
  round_id uuid not null references private.rounds (id),
  person_id uuid not null references private.people (id),
  added_at timestamptz not null default now(),
  primary key (round_id, person_id)
);
create index reviewers_person on private.reviewers (person_id);

create table private.review_meetings (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references private.rounds (id),
  title text not null check (length(btrim(title)) between 1 and 200),
  meeting_date date not null,
  notes text,
  created_by uuid references private.people (id),
  created_at timestamptz not null default now()
);
create index review_meetings_round on private.review_meetings (round_id, meeting_date);

create table private.review_comments (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null references private.applications (id),
  round_id uuid not null references private.rounds (id),
  meeting_id uuid references private.review_meetings (id),
  person_id uuid not null references private.people (id),
  comment text not null check (length(btrim(comment)) between 1 and 4000),
  created_at timestamptz not null default now()
);
create index review_comments_round on private.review_comments (round_id, application_id);

create table private.cabinet_decisions (
  application_id uuid primary key references private.applications (id),
  round_id uuid not null references private.rounds (id),
  decision text not null check (decision in ('award', 'not_award')),
  amount numeric(12, 2) check (amount > 0),
  conditions text,
  decided_on date not null,
  minute_reference text not null check (length(btrim(minute_reference)) > 0),
  recorded_by uuid references private.people (id),
  recorded_at timestamptz not null default now(),
  check ((decision = 'award') = (amount is not null))
);
create index cabinet_decisions_round on private.cabinet_decisions (round_id);

/** Section - Row level security */

-- Row level security on, with no policies and no grants: anon and authenticated cannot touch a
-- table even if a grant were added by mistake. The functions run as the tables' owner.
do $$
declare
  t text;
begin
  foreach t in array array['people', 'funds', 'rounds', 'criteria', 'applications', 'application_contacts',
    'panel_members', 'confidentiality_acceptances', 'conflict_declarations', 'scores', 'score_submissions',
    'panel_votes', 'recommendations', 'reviewers', 'review_meetings', 'review_comments', 'cabinet_decisions']
  loop
    execute format('alter table private.%I enable row level security', t);
    execute format('revoke all on table private.%I from public, anon, authenticated', t);
  end loop;
end
$$;
