-- Who may see and do what in the grants panel. The api functions call these helpers first; each
-- helper refuses through private.refuse (foundation) with a stable key for the screens' words
-- (src/lib/refusals/grants.ts), a plain-English message and an errcode that becomes the right HTTP status:
--   PT403 → 403 (you may not), PT404 → 404 (not found, or not yours to see: the same answer, so
--   strangers learn nothing), PT409 → 409 (not now, in this round's state), P0001 → 400 (bad input).
-- Anonymous callers have no execute grant on these functions at all (→ 401), and a token whose
-- session has ended is refused by private.caller() (→ 401, key session_ended).
-- These are private helpers: nobody outside may execute them (see the revoke at the end of
-- 20261124011100_grants_functions_audit.sql); the api functions run them as their owner.

/** Section - Execute grants */

-- Grants execute on the named api functions (every overload) to the given roles. Called right
-- after each api function, so no function is reachable by accident.
create function private.grant_api(p_names text[], p_roles text[])
returns void
language plpgsql
set search_path = ''
as $$
declare
  f regprocedure;
begin
  for f in select p.oid::regprocedure from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'api' and p.proname = any (p_names)
  loop
    execute format('revoke execute on function %s from public', f);
    execute format('grant execute on function %s to %s', f, (select string_agg(quote_ident(r), ', ') from unnest(p_roles) r));
  end loop;
end
$$;

/** Section - Who the caller is */

-- Officer and scrutiny powers come from the people table, never from user-editable metadata.
create function private.is_officer()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select p.is_officer from private.people p where p.id = private.caller()), false)
$$;

create function private.is_scrutiny()
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce((select p.is_scrutiny from private.people p where p.id = private.caller()), false)
$$;

-- Raises unless the caller is an officer; marks the transaction's audit events as an officer's.
create function private.require_officer(p_doing text)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not private.is_officer() then
    perform private.refuse('PT403', 'not_officer', format('Only grants officers can %s.', p_doing));
  end if;
  perform private.set_audit_context('officer');
  return private.caller();
end
$$;

-- The caller's active membership of a round's panel, or a row of nulls.
create function private.my_membership(p_round_id uuid)
returns private.panel_members
language sql
stable
security definer
set search_path = ''
as $$
  select m.* from private.panel_members m
  where m.round_id = p_round_id and m.person_id = private.caller() and m.removed_at is null
$$;

-- A reviewer counts as one only once the round has reached `recommended`: before that they get
-- the same "not found" as anyone else outside the round. An officer may name reviewers early;
-- they are simply not let in until the panel has finished. A councillor who is also on the
-- round's panel still sees it as a panel member. api.get_round, api.open_application_pack,
-- api.round_results, api.review_recommendations and api.add_review_comment all ask this
-- (through private.visible_round and private.member_application), as does api.my_rounds.
create function private.is_reviewer(p_round_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (select 1 from private.reviewers rv join private.rounds r on r.id = rv.round_id
                 where rv.round_id = p_round_id and rv.person_id = private.caller()
                   and r.state >= 'recommended')
$$;

/** Section - Rounds and applications the caller may know of */

-- The round, if the caller may know of it: officers see every round, panel members their own,
-- reviewers the rounds on their review path. Anyone else gets the same 404 as for a round that
-- does not exist.
create function private.visible_round(p_round_id uuid)
returns private.rounds
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_round private.rounds;
begin
  select * into v_round from private.rounds r where r.id = p_round_id;
  if v_round.id is null or not (private.is_officer() or (private.my_membership(p_round_id)).id is not null
                                or private.is_reviewer(p_round_id)) then
    perform private.refuse('PT404', 'round_not_found', 'We could not find that grant round.',
      null, 'If you are on its panel, ask the grants officer to check that you have been added.');
  end if;
  return v_round;
end
$$;

-- The caller's membership of the round, or 403 (used after visible_round, so the round is known to them).
create function private.require_member(p_round_id uuid)
returns private.panel_members
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_member private.panel_members := private.my_membership(p_round_id);
begin
  if v_member.id is null then
    perform private.refuse('PT403', 'not_panel_member', 'Only members of this round''s panel can do this.');
  end if;
  return v_member;
end
$$;

-- The application, if the caller is on its round's panel; otherwise the same 404 as for an
-- application that does not exist.
create function private.member_application(p_application_id uuid)
returns private.applications
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_application private.applications;
begin
  select * into v_application from private.applications a where a.id = p_application_id;
  -- Those who may know of the round (officers, reviewers) are told why not; anyone else gets
  -- the same 404 as for an application that does not exist.
  if v_application.id is null or not (private.is_officer() or (private.my_membership(v_application.round_id)).id is not null
                                      or private.is_reviewer(v_application.round_id)) then
    perform private.refuse('PT404', 'application_not_found', 'We could not find that application.',
      null, 'You can only see applications for rounds whose panel you are on.');
  end if;
  if (private.my_membership(v_application.round_id)).id is null then
    perform private.refuse('PT403', 'not_panel_member', 'Only members of this round''s panel can do this.');
  end if;
  return v_application;
end
$$;

/** Section - Agreement, conflicts and seats */

-- When the member accepted the round's agreement as it is worded now, or null. An acceptance
-- counts only for the wording accepted: if an officer changes the agreement before scoring
-- starts, members accept it again.
create function private.has_accepted(p_member_id uuid)
returns timestamptz
language sql
stable
security definer
set search_path = ''
as $$
  select c.accepted_at from private.confidentiality_acceptances c join private.rounds r on r.id = c.round_id
  where c.member_id = p_member_id and c.agreement_sha256 = encode(extensions.digest(r.agreement_text, 'sha256'), 'hex')
$$;

-- Nothing of a round's applications opens before its confidentiality agreement is accepted.
create function private.require_agreement(p_member private.panel_members)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.has_accepted(p_member.id) is null then
    perform private.refuse('PT403', 'agreement_not_accepted', 'You need to accept the confidentiality agreement for this round before you can see its applications.');
  end if;
end
$$;

-- A pack opens, and scores and votes count, only after the member has said they have no conflict.
create function private.require_no_conflict(p_member private.panel_members, p_application_id uuid)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_conflict boolean;
begin
  select d.has_conflict into v_conflict from private.conflict_declarations d
  where d.member_id = p_member.id and d.application_id = p_application_id;
  if v_conflict is null then
    perform private.refuse('PT403', 'conflict_not_declared', 'Please tell us whether you have a conflict of interest with this application before you open it.');
  elsif v_conflict then
    perform private.refuse('PT403', 'conflict_declared', 'You declared a conflict of interest with this application, so you cannot see it, score it or vote on it.');
  end if;
end
$$;

-- The caller must have said, for this application, that they have no conflict. Used where the
-- chair or clerk acts on an application without opening its pack; an officer is not asked.
create function private.require_declared_no_conflict(p_member private.panel_members, p_application_id uuid, p_doing text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_conflict boolean;
begin
  select d.has_conflict into v_conflict from private.conflict_declarations d
  where d.member_id = p_member.id and d.application_id = p_application_id;
  if v_conflict is null then
    perform private.refuse('PT403', 'conflict_not_declared', format('Tell us whether you have a conflict of interest with this application before you %s.', p_doing),
      null, 'Answer the conflict of interest question for it in the round''s list of applications.');
  elsif v_conflict then
    perform private.refuse('PT403', 'conflict_declared', format('You declared a conflict of interest with this application, so you cannot %s.', p_doing),
      null, 'The other panel lead or the grants officer can do it instead.');
  end if;
end
$$;

-- All a member is shown of an application they declared a conflict with, in a list of
-- per-application objects: what identifies it, and that they declared a conflict.
create function private.conflict_stub(p_item jsonb)
returns jsonb
language sql
immutable
set search_path = ''
as $$
  select jsonb_build_object('application_id', p_item -> 'application_id', 'reference', p_item -> 'reference',
    'organisation_name', p_item -> 'organisation_name', 'project_title', p_item -> 'project_title', 'conflict_declared', true)
$$;

-- A list of per-application objects (each with application_id) as the caller may see it: an
-- application the caller declared a conflict with keeps only what identifies it, as in
-- api.round_results. Officers are not panel members, so callers skip this for them.
create function private.hide_conflicted(p_round_id uuid, p_items jsonb)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(jsonb_agg(case when d.application_id is not null then private.conflict_stub(i.value) else i.value end
                            order by i.n), '[]')
  from jsonb_array_elements(coalesce(p_items, '[]')) with ordinality as i (value, n)
  left join private.conflict_declarations d
    on d.application_id = (i.value ->> 'application_id')::uuid and d.has_conflict
   and d.member_id = (private.my_membership(p_round_id)).id
$$;

-- Only members with a seat score and vote.
create function private.require_scorer(p_member private.panel_members)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_member.seat is null then
    perform private.refuse('PT403', 'clerk_does_not_score', 'The clerk supports the panel but does not score or vote.');
  end if;
end
$$;

/** Section - Round state */

-- A refusal naming the round's stage, for actions allowed only from one stage to another
-- (p_from and p_to included; the same stage twice for one stage only). Each caller names its
-- own key, so a screen can say what is closed; the stage goes in the facts.
create function private.require_state(p_round private.rounds, p_from private.round_state, p_to private.round_state, p_key text, p_message text)
returns void
language plpgsql
immutable
set search_path = ''
as $$
begin
  if p_round.state not between p_from and p_to then
    perform private.refuse('PT409', p_key, p_message, null, format('The round is at the "%s" stage.', p_round.state), jsonb_build_object('stage', p_round.state));
  end if;
end
$$;

-- Officers, and the chair and clerk of the round, run the panel.
create function private.require_panel_lead(p_round_id uuid, p_doing text)
returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_role text;
begin
  perform private.visible_round(p_round_id);
  if private.is_officer() then
    v_role := 'officer';
  else
    v_role := (private.my_membership(p_round_id)).role;
    if v_role is null or v_role = 'member' then
      perform private.refuse('PT403', 'not_panel_lead', format('Only the chair, the clerk and grants officers can %s.', p_doing));
    end if;
    -- The chair and clerk are on the panel: they too see nothing of the applications before
    -- accepting the confidentiality agreement.
    perform private.require_agreement(private.my_membership(p_round_id));
  end if;
  perform private.set_audit_context(v_role);
  return v_role;
end
$$;

/** Section - Seeing scores */

-- Scoring is independent: nobody sees the panel's scores until the round has left scoring
-- (before it there are none). The stage part of private.may_see_scores, on its own so that the
-- screens' scoresShown (src/lib/grants/rounds.ts) can be checked against it.
create function private.scores_shown_at(p_state private.round_state)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select p_state > 'scoring'
$$;

-- The applications of a round whose scores are kept from the caller even when the round's are
-- not: those they declared a conflict with as a member of its panel, whatever else they are.
-- Officers act for the council, not as members: none. The per-application part of
-- private.may_see_scores, as a set, so that a list of 200 applications asks it once.
create function private.scores_kept_from_me(p_round_id uuid)
returns setof uuid
language sql
stable
security definer
set search_path = ''
as $$
  select d.application_id from private.conflict_declarations d
  where d.member_id = (private.my_membership(p_round_id)).id and d.has_conflict and not private.is_officer()
$$;

-- May the caller see the panel's scores for this round (or, given one, for this application)?
-- The one rule that every function showing, aggregating, exporting or redacting scores asks:
-- only once the round has left scoring, and then officers, the scrutiny committee (through the
-- audit trail) and members of the panel who accepted its agreement; never, for an application,
-- a member who declared a conflict with it (private.scores_kept_from_me). A member always sees
-- their own scores; which of the others' (each member's totals, or only the aggregate) is the
-- calling function's to say.
create function private.may_see_scores(p_round_id uuid, p_application_id uuid default null)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(private.scores_shown_at(r.state), false)
     and (private.is_officer() or private.is_scrutiny() or (m.id is not null and private.has_accepted(m.id) is not null))
     and (p_application_id is null or p_application_id not in (select k from private.scores_kept_from_me(p_round_id) k))
  from private.my_membership(p_round_id) m
  left join private.rounds r on r.id = p_round_id
$$;

-- The refusal when the caller may not see the round's scores. Functions check who is calling
-- first, with their own words, so what is left is nearly always the stage, named as
-- private.require_state names it.
create function private.require_may_see_scores(p_round private.rounds, p_key text, p_message text)
returns void
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  if private.may_see_scores(p_round.id) then
    return;
  elsif private.scores_shown_at(p_round.state) then
    perform private.refuse('PT403', 'may_not_see_scores', 'Only the panel, grants officers and the scrutiny committee can see the scores.');
  end if;
  perform private.refuse('PT409', p_key, p_message, null, format('The round is at the "%s" stage.', p_round.state), jsonb_build_object('stage', p_round.state));
end
$$;

/** Section - Read records */

-- Every read of confidential data leaves a read record (README, Architecture: the audit trail), because triggers cannot see
-- reads. Recorded, and tested: api.open_application_pack ('application pack'),
-- api.officer_application ('application with contact details'), api.round_results ('panel
-- results'), api.round_conflicts ('conflicts of interest': each member's conflicts with their
-- reasons, which are about the members' own lives and work), api.review_recommendations
-- ('recommendations'), api.export_round_report (an export), api.audit_trail ('audit trail').
--
-- Left unrecorded on purpose, because they show nothing confidential: api.round_progress (how
-- many applications each member has declared on and submitted, never a score, a reason or a
-- decision: what the chair needs to chase people, read many times a day), api.my_applications
-- (the names and titles a member sees before declaring anything, and their own progress),
-- api.my_rounds and api.get_round (the round's details, criteria and agreement), and the public
-- api.list_funds, api.published_awards and api.grant_round_360giving. api.round_applications
-- (officers' list, no contact details) and api.list_people (officers' look-up of people to add
-- to a panel) are officer tools over data officers hold anyway; api.verify_audit_chain shows
-- hashes only.
create function private.record_read(p_kind text, p_what text, p_round_id uuid, p_application_id uuid default null, p_details jsonb default null)
returns void
language sql
volatile
security definer
set search_path = ''
as $$
  insert into private.read_records (person_id, kind, what, round_id, application_id, details)
  values ((select p.id from private.people p where p.id = private.caller()), p_kind, p_what, p_round_id, p_application_id, p_details)
$$;

/** Section - Input and names */

-- Plain text input: trimmed, required and within a length, or a 400 naming the field (p_label
-- in the message; p_field, the screens' name for it, in the refusal's field).
create function private.clean_text(p_value text, p_label text, p_max int default 4000, p_required boolean default true, p_field text default null)
returns text
language plpgsql
immutable
set search_path = ''
as $$
declare
  v text := nullif(btrim(coalesce(p_value, '')), '');
begin
  if v is null and p_required then
    perform private.refuse('P0001', 'required', format('Enter %s.', p_label), p_field);
  end if;
  if length(v) > p_max then
    perform private.refuse('P0001', 'too_long', format('That is too long for %s: keep it to %s characters or fewer.', p_label, p_max),
      p_field, format('It is %s characters long.', length(v)), jsonb_build_object('max', p_max, 'length', length(v)));
  end if;
  return v;
end
$$;

-- Names shown beside who did what (recorded by, commented by).
create function private.person_name(p_person_id uuid)
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.display_name from private.people p where p.id = p_person_id
$$;
