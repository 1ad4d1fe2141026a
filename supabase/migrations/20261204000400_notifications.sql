-- Notifications: the outbox (DESIGN.md, Notifications). A function that should tell someone
-- writes a row here in its own transaction, through private.notify: if the act is rolled back,
-- so is the email, and if it commits, the email is sure to exist. A sender (the Edge Function
-- supabase/functions/send-notifications, or the stand-in's timer running the same handler)
-- claims rows with a lease, delivers them with an idempotency key (the row's dedupe key) and
-- marks them. The guarantee is at-least-once delivery with an idempotency key: a sender killed
-- after handing an email to the provider but before marking it sends it again once its lease
-- runs out, and the provider (or the local mailbox) drops the repeat by its key.
--
-- The words of every email live in one place: private.email_templates below. The row keeps the
-- email as rendered (subject, body, the link's path), so what was sent can be read later; the
-- sender only puts the site's address (its SITE_URL setting, as Supabase Auth's site_url makes
-- the links of sign-in emails) in front of the path where the body says {link}.
-- SQL rather than a TypeScript file the sender renders: any sender (the Edge Function, the
-- stand-in, a later one) sends the same words without a copy of them; a missing placeholder
-- fails the act that queued it, in a test, rather than a sender hours later; and the row is
-- the email exactly as it went.
--
-- The outbox is not in the audit trail: the act that caused each email is audited already, and
-- a receipt code must not be copied into an append-only table. Hooks on the grants and PB tables
-- are triggers here, so the functions that change those tables stay as they are; the one
-- exception is the vote receipt, whose code exists only inside api.pb_cast_ballot, which calls
-- private.notify itself.

/** Section - The email templates */

-- The {name} placeholders of a text, in order: the pieces between them are
-- regexp_split_to_array(text, '\{[a-z_]+\}'). Both are kept with each template (generated
-- columns below), so queueing an email fills it without running a regular expression: every
-- vote queues its receipt, and parsing the template there took a quarter of a ballot's time.
create function private.template_names(p_text text)
returns text[]
language sql
immutable
set search_path = ''
as $$
  select array(select m[1] from regexp_matches(p_text, '\{([a-z_]+)\}', 'g') with ordinality as t (m, n) order by n)
$$;

-- {name} placeholders are filled from the params private.notify is given; {link} is left for the
-- sender. A param listed in secret_params (a receipt code) is blanked in the stored body once
-- the email has been sent.
create table private.email_templates (
  key text primary key check (key ~ '^[a-z]+(_[a-z0-9]+)*$'),
  -- Who gets it and when, for whoever edits the words.
  sent_when text not null,
  subject text not null check (length(btrim(subject)) between 1 and 200),
  body text not null check (body like '%{link}%'),
  secret_params text[] not null default '{}',
  -- The subject and body parsed once: the text between placeholders, and the placeholders.
  subject_parts text[] generated always as (regexp_split_to_array(subject, '\{[a-z_]+\}')) stored,
  subject_names text[] generated always as (private.template_names(subject)) stored,
  body_parts text[] generated always as (regexp_split_to_array(body, '\{[a-z_]+\}')) stored,
  body_names text[] generated always as (private.template_names(body)) stored
);
alter table private.email_templates enable row level security;
revoke all on table private.email_templates from public, anon, authenticated;

insert into private.email_templates (key, sent_when, subject, body, secret_params) values
('panel_member_added', 'A person is added to a grant round''s panel with a seat (or as its chair).',
 'You have been added to the panel for {round}',
 E'Hello {name},\n\nYou have been added to the grants panel for {round} as {role}.\n\nBefore you read any applications, sign in and read the panel''s confidentiality agreement. We will email you again when scoring opens.\n\nSee the round: {link}\n\nIf you were not expecting this email, contact the grants team.\n\nWorking Together',
 '{}'),
('panel_clerk_added', 'A person is added to a grant round''s panel as its clerk.',
 'You are the clerk for the {round} panel',
 E'Hello {name},\n\nYou have been added as the clerk for the grants panel for {round}. The clerk supports the panel and does not score.\n\nSee the panel''s progress and the panel day: {link}\n\nIf you were not expecting this email, contact the grants team.\n\nWorking Together',
 '{}'),
('scoring_open', 'A round moves to scoring: each member with a seat.',
 'Scoring is open for {round}',
 E'Hello {name},\n\nScoring has started for {round}. There are {applications} to score. Please send your scores by {deadline}.\n\nFor each application, first say whether you have a conflict of interest, then read it and score it. Your scores are saved as you go, and they count once you send them.\n\nStart scoring: {link}\n\nWorking Together',
 '{}'),
('scoring_deadline_two_days', 'Two days before the scoring deadline: each member with a seat who has scores still to send.',
 'Two days left to send your scores for {round}',
 E'Hello {name},\n\nScoring for {round} closes at {deadline}. You still have {outstanding} to send.\n\nScores you have saved but not sent do not count.\n\nCheck and send your scores: {link}\n\nWorking Together',
 '{}'),
('scoring_deadline_one_day', 'One day before the scoring deadline: each member with a seat who has scores still to send.',
 'One day left to send your scores for {round}',
 E'Hello {name},\n\nScoring for {round} closes at {deadline}, in less than a day. You still have {outstanding} to send.\n\nScores you have saved but not sent do not count.\n\nCheck and send your scores: {link}\n\nWorking Together',
 '{}'),
('scoring_drafts_unsent', 'An officer about to close scoring reminds the members who have scored an application in full but not sent it.',
 'Your scores for {round} are not sent yet',
 E'Hello {name},\n\nYou have scored {drafts} for {round}, but you have not sent those scores yet. Scores you have saved but not sent do not count.\n\nThe grants officer will soon close scoring so that the panel can meet. After that you cannot send them.\n\nCheck and send your scores: {link}\n\nWorking Together',
 '{}'),
('scoring_closed_early', 'Scoring closes before its deadline (the round moves to the panel): members who had sent every score.',
 'Scoring for {round} has closed',
 E'Hello {name},\n\nThe grants officer has closed scoring for {round} before the deadline, so that the panel can meet. You sent all your scores in time: thank you.\n\nSee the round: {link}\n\nWorking Together',
 '{}'),
('scoring_closed_early_unsent', 'Scoring closes before its deadline: members who still had scores to send.',
 'Scoring for {round} has closed before you sent all your scores',
 E'Hello {name},\n\nThe grants officer has closed scoring for {round} before the deadline, so that the panel can meet. You had {outstanding} still to send. You can no longer send them, and scores you saved but did not send will not count.\n\nIf this is a problem, contact the grants team before the panel meets.\n\nSee the round: {link}\n\nWorking Together',
 '{}'),
('review_ready', 'A round''s recommendations are recorded (the round moves to "recommended"): each reviewer.',
 'The panel''s recommendations for {round} are ready for you to review',
 E'Hello {name},\n\nThe panel has made its recommendations for {round}. As a reviewer, you can now read them and add your comments before they go to Cabinet.\n\nRead the recommendations: {link}\n\nWorking Together',
 '{}'),
('cabinet_decided_panel', 'Cabinet''s decision on an application is recorded: each person on the round''s panel (one email per Cabinet date).',
 'Cabinet has made decisions on {round}',
 E'Hello {name},\n\nCabinet has recorded its decisions on the applications to {round} (meeting of {decided_on}, minute {minute}).\n\nSee the decisions: {link}\n\nWorking Together',
 '{}'),
('cabinet_decided_applicant', 'Cabinet''s decision on an application is recorded: the person who applied online.',
 'A decision has been made on your application {reference}',
 E'Hello {name},\n\nCabinet made its decision on your application {reference}, {title}, on {decided_on}.\n\nThe grants team will write to you with the decision and what happens next. Decisions are published on this website once every application in the round has been decided: {link}\n\nWorking Together',
 '{}'),
('pb_proposal_received', 'A resident sends an idea to a participatory budgeting process.',
 'We have received your idea: {title}',
 E'Hello {name},\n\nThank you for your idea for {process}. We have received it as idea {number}: {title}.\n\nYour idea is now in the public list of ideas. Council officers will check whether each idea can be done and what it would really cost. If an idea cannot go on the ballot, they will say why.\n\nSee your idea and what happens to it: {link}\n\nYou can change or withdraw your idea until officers start to check it. Sign in, open the link above and choose "See your ideas".\n\nWorking Together',
 '{}'),
('pb_vote_receipt', 'A resident votes (or changes their vote) online.',
 'We have received your vote in {process}',
 E'Hello {name},\n\nThank you for voting in {process}. Your receipt code is:\n\n{receipt}\n\nKeep this code. You can use it at any time to check that your vote is in the count, and which projects it holds: {link}\n\nThe code does not say who you are, but anyone who has it can see what your vote contained. Keep it to yourself if you want your vote to stay private.\n\nYou can change your vote until voting closes. Only your last vote counts, and each change gives you a new receipt code.\n\nWorking Together',
 '{receipt}'),
('pb_result_published', 'A process''s result is published: everyone who voted online or sent an idea.',
 'The results of {process} are published',
 E'Hello {name},\n\nThe votes in {process} have been counted and the results are published. You are getting this email because you voted or sent an idea.\n\nSee which projects will be funded, and how the votes were counted: {link}\n\nWorking Together',
 '{}'),
('audit_checkpoint', 'An audit checkpoint is signed: each member of the scrutiny committee.',
 'Audit checkpoint: {events} events at {at}',
 E'The audit trail held {events} events at {at}; its head is {head}. Keep this message: it lets you check later that nothing before it was changed.\n\nThe checkpoints are listed here: {link}\n\n{checkpoint}',
 '{}');

-- Changes to the words are audited like any other table (the rows above come from this file).
select private.audit_table('private.email_templates', array['key']);

/** Section - The outbox */

create table private.outbox (
  id bigint generated always as identity primary key,
  person_id uuid references private.people (id) on delete set null,
  recipient text not null check (recipient like '%_@_%'),
  -- Not a foreign key: every vote queues its receipt, and the key-share lock each insert took on
  -- the one template row turned into a MultiXact shared by all the casts under way, a write to
  -- that row each time. private.notify, the one writer, refuses an unknown template instead, and
  -- a template still named here cannot be deleted (email_templates_in_use below).
  template text not null,
  subject text not null,
  -- Plain text, with {link} where the sender puts the full address of `link`.
  body text not null,
  -- The body with its secrets blanked, put in place of `body` once the email is sent.
  body_after_sending text,
  -- The page to act on, as a path on the site ("/panel/round/?id=…").
  link text not null check (link ~ '^/'),
  -- What makes this notification this one ("scoring_open:<round>:<member>"): the same key is
  -- never queued twice, and it is the idempotency key the provider dedupes on.
  dedupe_key text not null unique check (length(dedupe_key) between 1 and 300),
  created_at timestamptz not null default now(),
  attempts int not null default 0,
  last_error text,
  next_attempt_at timestamptz not null default now(),
  -- Set by a claim: until then no other sender takes the row; after it, a killed sender's rows
  -- are claimed again.
  claimed_until timestamptz,
  sent_at timestamptz
);
create index outbox_due on private.outbox (next_attempt_at, id) where sent_at is null;
create index outbox_person on private.outbox (person_id);
alter table private.outbox enable row level security;
revoke all on table private.outbox from public, anon, authenticated;
-- Not audited (see the top of this file), but not to be emptied in one go either: a truncate
-- would lose every email not yet sent.
create trigger audit_no_truncate before truncate on private.outbox
  for each statement execute function private.refuse_truncate();

-- What the foreign key would have kept: a template that emails in the outbox were made from
-- stays, and keeps its key.
create function private.refuse_template_in_use()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (tg_op = 'DELETE' or new.key <> old.key) and exists (select 1 from private.outbox o where o.template = old.key) then
    raise exception 'The email template "%" is used by emails in the outbox.', old.key using errcode = '23503';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger email_templates_in_use before update of key or delete on private.email_templates
  for each row execute function private.refuse_template_in_use();

/** Section - Queueing a notification */

-- A parsed text (parts and names, as kept with each template) with each {param} filled in, in one
-- pass (so a value that itself contains "{name}" is left as typed), twice at once: `filled` as it
-- goes out, and `kept` with secret params written as a note instead (the copy kept after
-- sending). {link}, and any placeholder without a param, stay as they are; those without a param
-- are added to `missing` (in order, once each), so the caller can refuse them.
create function private.fill_template(p_parts text[], p_names text[], p_params jsonb, p_secrets text[], inout missing text[],
                                      out filled text, out kept text)
language plpgsql
immutable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
declare
  v_name text;
  v_value text;
begin
  filled := p_parts[1];
  kept := p_parts[1];
  for i in 1 .. coalesce(cardinality(p_names), 0) loop
    v_name := p_names[i];
    if v_name = 'link' or not p_params ? v_name then
      if v_name <> 'link' and not v_name = any (missing) then
        missing := missing || v_name;
      end if;
      v_value := '{' || v_name || '}';
      filled := filled || v_value || p_parts[i + 1];
      kept := kept || v_value || p_parts[i + 1];
    else
      v_value := coalesce(p_params ->> v_name, '');
      filled := filled || v_value || p_parts[i + 1];
      kept := kept || case when v_name = any (p_secrets) then '(removed once this email was sent)' else v_value end || p_parts[i + 1];
    end if;
  end loop;
end
$$;

-- False while the seed files run (app.acting_as = 'seed'): the demo data's history is not news
-- to anyone. The hooks ask first, so a seeded result does not even look up its voters.
create function private.notifying()
returns boolean
language sql
stable
-- No SET clause: see tests/db/grants/structure.test.ts (hot helpers).
as $$
  select current_setting('app.acting_as', true) is distinct from 'seed'
$$;

-- Queues one email to a person, in the caller's transaction, at most once per dedupe key. A
-- person without an email address is skipped, and so is the demo data's history while the seed
-- files run (app.acting_as = 'seed'): nobody is told of things that never happened. A template
-- placeholder without a param is a programming error and fails the act, so tests catch it.
-- Answers whether an email was queued.
create function private.notify(p_person uuid, p_template text, p_params jsonb, p_link text, p_dedupe_key text)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  if not private.notifying() then
    return false;
  end if;
  return private.queue_email(p_person, (select u.email from auth.users u where u.id = p_person),
    (select p.display_name from private.people p where p.id = p_person), p_template, p_params, p_link, p_dedupe_key);
end
$$;

-- What private.notify does once it knows the address, for people without an account too (a
-- festival booking has an email address and a name but no person: p_person is then null).
create function private.queue_email(
  p_person uuid, p_email text, p_name text, p_template text, p_params jsonb, p_link text, p_dedupe_key text
)
returns boolean
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_found record;
  v_params jsonb;
  v_subject record;
  v_body record;
  v_queued int;
begin
  if not private.notifying() then
    return false;
  end if;
  select t.subject_parts, t.subject_names, t.body_parts, t.body_names, t.secret_params
  into v_found
  from private.email_templates t
  where t.key = p_template;
  if not found then
    raise exception 'private.queue_email: no email template "%"', p_template;
  end if;
  if nullif(btrim(coalesce(p_email, '')), '') is null then
    return false;
  end if;
  v_params := jsonb_build_object('name', coalesce(p_name, 'there')) || coalesce(p_params, '{}'::jsonb);
  v_subject := private.fill_template(v_found.subject_parts, v_found.subject_names, v_params, v_found.secret_params, '{}');
  v_body := private.fill_template(v_found.body_parts, v_found.body_names, v_params, v_found.secret_params, v_subject.missing);
  if cardinality(v_body.missing) > 0 then
    raise exception 'private.queue_email: template "%" needs %', p_template, array_to_string(v_body.missing, ', ');
  end if;
  -- The subject never shows a secret; the body does until it is sent (outbox_mark_sent).
  insert into private.outbox (person_id, recipient, template, subject, body, body_after_sending, link, dedupe_key)
  values (p_person, p_email, p_template, v_subject.kept, v_body.filled,
          case when cardinality(v_found.secret_params) > 0 then v_body.kept end,
          p_link, p_dedupe_key)
  on conflict (dedupe_key) do nothing;
  get diagnostics v_queued = row_count;
  return v_queued > 0;
end
$$;

-- A moment as people read it in Oxfordshire: "5pm on Friday 12 December 2026".
create function private.notify_when(p_at timestamptz)
returns text
language sql
stable
set search_path = ''
as $$
  select case when p_at is null then null
    else lower(to_char(p_at at time zone 'Europe/London', 'FMHH12:MIam')) || ' on '
         || to_char(p_at at time zone 'Europe/London', 'FMDay FMDD FMMonth YYYY') end
$$;

create function private.notify_date(p_on date)
returns text
language sql
immutable
set search_path = ''
as $$
  select to_char(p_on, 'FMDay FMDD FMMonth YYYY')
$$;

-- "1 application", "3 applications".
create function private.notify_count(p_n bigint, p_one text, p_many text)
returns text
language sql
immutable
set search_path = ''
as $$
  select p_n || ' ' || case when p_n = 1 then p_one else p_many end
$$;

/** Section - Hooks on the grants panel */

-- Added to a panel (or added back after being removed, which sets added_at again).
create function private.notify_panel_member()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
begin
  if not private.notifying() then
    return null;
  end if;
  if new.removed_at is not null or (tg_op = 'UPDATE' and old.removed_at is null) then
    return null;
  end if;
  select * into v_round from private.rounds r where r.id = new.round_id;
  if new.role = 'clerk' then
    perform private.notify(new.person_id, 'panel_clerk_added', jsonb_build_object('round', v_round.title),
      '/panel/lead/?round=' || v_round.id, 'panel_member_added:' || new.id || ':' || extract(epoch from new.added_at));
  else
    perform private.notify(new.person_id, 'panel_member_added',
      jsonb_build_object('round', v_round.title, 'role', case when new.role = 'chair' then 'its chair'
        when new.seat = 'councillor' then 'a councillor member' else 'a community member' end),
      '/panel/round/?id=' || v_round.id, 'panel_member_added:' || new.id || ':' || extract(epoch from new.added_at));
  end if;
  return null;
end
$$;

create trigger notify_panel_member after insert or update of removed_at on private.panel_members
  for each row execute function private.notify_panel_member();

-- A round's move: scoring opens, scoring closes before its deadline, recommendations are ready.
create function private.notify_round_state()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_outstanding jsonb;
begin
  if not private.notifying() then
    return null;
  end if;
  if new.state = old.state then
    return null;
  end if;
  if new.state = 'scoring' then
    perform private.notify(m.person_id, 'scoring_open',
      jsonb_build_object('round', new.title,
        'applications', private.notify_count((select count(*) from private.applications a where a.round_id = new.id), 'application', 'applications'),
        'deadline', coalesce(private.notify_when(new.scoring_deadline), 'the date the grants officer gives you')),
      '/panel/round/?id=' || new.id, 'scoring_open:' || new.id || ':' || m.id)
    from private.panel_members m
    where m.round_id = new.id and m.removed_at is null and m.seat is not null;
  elsif new.state = 'panel' and old.state = 'scoring' and new.scoring_deadline > now() then
    v_outstanding := private.outstanding_scores(new.id);
    perform private.notify(m.person_id,
      case when o.n is null then 'scoring_closed_early' else 'scoring_closed_early_unsent' end,
      jsonb_build_object('round', new.title, 'outstanding', private.notify_count(coalesce(o.n, 0), 'application', 'applications')),
      '/panel/round/?id=' || new.id, 'scoring_closed:' || new.id || ':' || m.id)
    from private.panel_members m
    left join (select (e ->> 'member_id')::uuid as member_id, (e ->> 'outstanding')::bigint as n
               from jsonb_array_elements(v_outstanding) e) o on o.member_id = m.id
    where m.round_id = new.id and m.removed_at is null and m.seat is not null;
  elsif new.state = 'recommended' then
    perform private.notify(rv.person_id, 'review_ready', jsonb_build_object('round', new.title),
      '/panel/review/?round=' || new.id, 'review_ready:' || new.id || ':' || rv.person_id)
    from private.reviewers rv
    where rv.round_id = new.id;
  end if;
  return null;
end
$$;

create trigger notify_round_state after update of state on private.rounds
  for each row execute function private.notify_round_state();

-- Cabinet's decision on an application: the panel hears once per Cabinet date (a round's
-- decisions are usually recorded together), the applicant once per decision recorded.
create function private.notify_cabinet_decision()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
  v_application private.applications;
begin
  if not private.notifying() then
    return null;
  end if;
  select * into v_round from private.rounds r where r.id = new.round_id;
  select * into v_application from private.applications a where a.id = new.application_id;
  perform private.notify(m.person_id, 'cabinet_decided_panel',
    jsonb_build_object('round', v_round.title, 'decided_on', private.notify_date(new.decided_on), 'minute', new.minute_reference),
    '/panel/round/?id=' || v_round.id, 'cabinet_decided:' || v_round.id || ':' || m.person_id || ':' || new.decided_on)
  from private.panel_members m
  where m.round_id = v_round.id and m.removed_at is null;
  if v_application.applicant_id is not null then
    perform private.notify(v_application.applicant_id, 'cabinet_decided_applicant',
      jsonb_build_object('reference', v_application.reference, 'title', v_application.project_title,
                         'decided_on', private.notify_date(new.decided_on)),
      '/grants/', 'cabinet_decided_applicant:' || new.application_id || ':' || extract(epoch from new.recorded_at));
  end if;
  return null;
end
$$;

create trigger notify_cabinet_decision after insert or update on private.cabinet_decisions
  for each row execute function private.notify_cabinet_decision();

-- Reminders two days and one day before a round's scoring deadline to each member with a seat
-- who still has scores to send. Run it often (the sender runs it before each delivery): the
-- dedupe key (which carries the deadline, so a moved deadline reminds again) makes a second run
-- queue nothing. Inside the last day only the one-day reminder goes.
create function api.queue_deadline_reminders()
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
  v_kind text;
  v_queued bigint := 0;
  v_n bigint;
begin
  for v_round in select * from private.rounds r
                 where r.state = 'scoring' and r.scoring_deadline > now() and r.scoring_deadline <= now() + interval '2 days'
  loop
    v_kind := case when v_round.scoring_deadline <= now() + interval '1 day' then 'one_day' else 'two_days' end;
    select count(*) filter (where private.notify(m.person_id, 'scoring_deadline_' || v_kind,
      jsonb_build_object('round', v_round.title, 'deadline', private.notify_when(v_round.scoring_deadline),
                         'outstanding', private.notify_count((o ->> 'outstanding')::bigint, 'application', 'applications')),
      '/panel/round/?id=' || v_round.id,
      'scoring_deadline:' || v_kind || ':' || m.id || ':' || extract(epoch from v_round.scoring_deadline)))
    into v_n
    from jsonb_array_elements(private.outstanding_scores(v_round.id)) o
    join private.panel_members m on m.id = (o ->> 'member_id')::uuid;
    v_queued := v_queued + v_n;
  end loop;
  return jsonb_build_object('queued', v_queued);
end
$$;
select private.grant_api(array['queue_deadline_reminders'], array['service_role']);

/** Section - Reminders an officer sends */

-- Before moving a round to the panel day, the officer reminds each member who has scored an
-- application in full but not sent it (private.unsent_drafts). At most one reminder a member a
-- day, however often the button is pressed (the dedupe key holds the day). Answers how many
-- were queued now and who has unsent drafts.
create function api.remind_unsent_drafts(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
  v_unsent jsonb;
  v_queued int;
begin
  perform private.require_officer('remind panel members to send their scores');
  select * into v_round from private.rounds r where r.id = p_round_id;
  if v_round.id is null then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.');
  end if;
  perform private.require_state(v_round, 'scoring', 'scoring', 'reminders_not_now', 'Reminders to send scores are only for a round being scored.');
  v_unsent := private.unsent_drafts(p_round_id);
  select count(*) filter (where q) into v_queued
  from (select private.notify((u ->> 'person_id')::uuid, 'scoring_drafts_unsent',
                 jsonb_build_object('round', v_round.title,
                                    'drafts', private.notify_count((u ->> 'drafts')::bigint, 'application', 'applications')),
                 '/panel/round/?id=' || p_round_id,
                 'scoring_drafts_unsent:' || p_round_id || ':' || (u ->> 'member_id') || ':'
                   || to_char(now() at time zone 'Europe/London', 'YYYY-MM-DD')) as q
        from jsonb_array_elements(v_unsent) u) x;
  return jsonb_build_object('queued', v_queued, 'unsent', v_unsent);
end
$$;

select private.grant_api(array['remind_unsent_drafts'], array['authenticated', 'service_role']);

/** Section - Hooks on participatory budgeting */

create function private.notify_pb_proposal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.notifying() then
    return null;
  end if;
  if new.author_id is not null then
    perform private.notify(new.author_id, 'pb_proposal_received',
      jsonb_build_object('process', p.title, 'title', new.title, 'number', new.number::text),
      '/budgeting/proposal/?id=' || new.id, 'pb_proposal_received:' || new.id)
    from private.pb_processes p where p.id = new.process_id;
  end if;
  return null;
end
$$;

create trigger notify_pb_proposal after insert on private.pb_proposals
  for each row execute function private.notify_pb_proposal();

-- Published: everyone who voted online (paper voters have no account) or sent an idea.
create function private.notify_pb_result()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.notifying() then
    return null;
  end if;
  if new.published_at is null or old.published_at is not null then
    return null;
  end if;
  perform private.notify(x.person_id, 'pb_result_published', jsonb_build_object('process', p.title),
    '/budgeting/results/?p=' || p.slug, 'pb_result_published:' || new.id || ':' || x.person_id)
  from (select v.person_id from private.pb_voters v where v.process_id = new.process_id and v.person_id is not null
        union
        select pr.author_id from private.pb_proposals pr where pr.process_id = new.process_id and pr.author_id is not null) x
  join private.pb_processes p on p.id = new.process_id;
  return null;
end
$$;

create trigger notify_pb_result after update of published_at on private.pb_results
  for each row execute function private.notify_pb_result();

/** Section - Audit checkpoints for scrutiny */

-- Each signed checkpoint goes to the scrutiny committee through the outbox, so production
-- delivers it as the stand-in does.
create function private.notify_audit_checkpoint()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_statement jsonb := new.statement::jsonb;
begin
  if not private.notifying() then
    return null;
  end if;
  perform private.notify(p.id, 'audit_checkpoint',
    jsonb_build_object('events', v_statement ->> 'events', 'at', v_statement ->> 'at', 'head', v_statement ->> 'head',
      'checkpoint', jsonb_build_object('statement', new.statement, 'signature', new.signature, 'key_id', new.key_id)::text),
    '/audit/checkpoints', 'audit_checkpoint:' || new.id || ':' || p.id)
  from private.people p
  where p.is_scrutiny;
  return null;
end
$$;

create trigger notify_audit_checkpoint after insert on private.audit_checkpoints
  for each row execute function private.notify_audit_checkpoint();

/** Section - The sender's functions (service role only) */

-- Takes up to p_batch due rows for p_lease_seconds: rows another sender holds are skipped
-- (SKIP LOCKED, and claimed_until), so two senders never take the same row; a sender killed
-- before marking its rows loses them when the lease runs out. The attempt is counted here, at
-- the claim, so a row that kills its sender still moves on to a later retry.
create function api.outbox_claim(p_batch int default 20, p_lease_seconds int default 300)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_rows jsonb;
begin
  if p_batch is null or p_batch not between 1 and 500 then
    perform private.refuse('22023', 'batch_out_of_range', 'Claim between 1 and 500 notifications at a time.', 'p_batch');
  end if;
  if p_lease_seconds is null or p_lease_seconds not between 1 and 3600 then
    perform private.refuse('22023', 'lease_out_of_range', 'Hold claimed notifications for between 1 second and 1 hour.', 'p_lease_seconds');
  end if;
  with due as (
    select o.id from private.outbox o
    where o.sent_at is null and o.next_attempt_at <= now() and (o.claimed_until is null or o.claimed_until <= now())
    order by o.next_attempt_at, o.id
    limit p_batch
    for update skip locked
  ), claimed as (
    update private.outbox o set claimed_until = now() + make_interval(secs => p_lease_seconds), attempts = o.attempts + 1
    from due where o.id = due.id
    returning o.*
  )
  select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'recipient', c.recipient, 'subject', c.subject, 'body', c.body,
                                               'link', c.link, 'dedupe_key', c.dedupe_key, 'attempts', c.attempts) order by c.id), '[]')
  into v_rows from claimed c;
  return v_rows;
end
$$;
select private.grant_api(array['outbox_claim'], array['service_role']);

-- Delivered: marked sent, and the secrets blanked from the stored body. Marking a row twice (a
-- sender whose lease ran out while another sent it too) changes nothing.
create function api.outbox_mark_sent(p_ids bigint[])
returns jsonb
language sql
volatile
security definer
set search_path = ''
as $$
  with marked as (
    update private.outbox o set sent_at = now(), claimed_until = null, last_error = null,
      body = coalesce(o.body_after_sending, o.body), body_after_sending = null
    where o.id = any (coalesce(p_ids, '{}')) and o.sent_at is null
    returning o.id
  )
  select jsonb_build_object('marked', (select count(*) from marked))
$$;
select private.grant_api(array['outbox_mark_sent'], array['service_role']);

-- Not delivered: tried again after a wait that doubles with each attempt (1, 2, 4 … minutes, at
-- most 6 hours). Nothing is given up: a row that never goes stays here, with its last error, for
-- the site team to see.
create function api.outbox_mark_failed(p_id bigint, p_error text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v private.outbox;
begin
  update private.outbox o set claimed_until = null, last_error = left(coalesce(nullif(btrim(p_error), ''), 'unknown error'), 1000),
    next_attempt_at = now() + least(interval '6 hours', interval '1 minute' * power(2, least(greatest(o.attempts - 1, 0), 10)))
  where o.id = p_id and o.sent_at is null
  returning * into v;
  if v.id is null then
    perform private.refuse('PT404', 'notification_not_found', 'There is no unsent notification with that id.', 'p_id');
  end if;
  return jsonb_build_object('id', v.id, 'attempts', v.attempts, 'next_attempt_at', v.next_attempt_at);
end
$$;
select private.grant_api(array['outbox_mark_failed'], array['service_role']);

revoke execute on all functions in schema private from public;
