-- Reading the audit trail (scrutiny and officers), checking its hash chain, and the public
-- view of decided and published awards (also as 360Giving-shaped data).

/** Section - The audit trail */

-- Officers and the scrutiny committee read the trail; each says in what capacity it is read.
create function private.require_audit_reader()
returns text
language plpgsql
security definer
set search_path = ''
as $$
begin
  if private.is_officer() then
    perform private.set_audit_context('officer');
    return 'officer';
  elsif private.is_scrutiny() then
    perform private.set_audit_context('scrutiny');
    return 'scrutiny';
  end if;
  perform private.refuse('PT403', 'may_not_read_audit', 'Only grants officers and the scrutiny committee can read the audit trail.');
end
$$;

-- The audit viewer lets officers and scrutiny filter by person and by application, chosen by
-- name, title or reference rather than by typing an id. api.list_people is for officers only and
-- carries email addresses, so audit readers get their own list: names and ids of people, and
-- reference and title of applications, nothing else. These appear in the trail itself already.
create function api.audit_filter_choices()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
begin
  perform private.require_audit_reader();
  return jsonb_build_object(
    'people', coalesce((select jsonb_agg(jsonb_build_object('id', p.id, 'display_name', p.display_name) order by p.display_name, p.id)
                        from private.people p), '[]'),
    'applications', coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'reference', a.reference, 'project_title', a.project_title,
                                'round_title', r.title) order by a.reference)
                              from private.applications a join private.rounds r on r.id = a.round_id), '[]'));
end
$$;

select private.grant_api(array['audit_filter_choices'], array['authenticated', 'service_role']);

-- People read the trail, not ids: each id an event names (in its values or as its row) in words:
-- a person's name, an application's reference and title, a round's or fund's title, a panel
-- member's name, a question's title. These are what the filter choices already show readers.
create function private.audit_names(p_values jsonb, p_row_id text)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with ids as (
    select distinct x.v::uuid as id
    from (select value as v from jsonb_each_text(coalesce(p_values, '{}')) union all select p_row_id) x
    where x.v ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
  )
  select coalesce(jsonb_object_agg(i.id, w.words), '{}')
  from ids i cross join lateral (select coalesce(
      (select p.display_name from private.people p where p.id = i.id),
      (select a.reference || ': ' || a.project_title from private.applications a where a.id = i.id),
      (select r.title from private.rounds r where r.id = i.id),
      (select f.name from private.funds f where f.id = i.id),
      (select private.person_name(m.person_id) from private.panel_members m where m.id = i.id),
      (select c.title from private.criteria c where c.id = i.id)) as words) w
  where w.words is not null
$$;

-- Newest first, filtered, a page at a time (pass next_before_id to get the next page).
-- p_application_id gives every event about that application, not only those on its own row
-- (scores, conflict declarations, reads of its pack, recommendations and decisions all carry its
-- id as application_id). Scrutiny sees everything except applicants' contact details, which
-- only officers may see. Scoring is independent, so the values of score events (score,
-- comment, weighted total) are left out unless private.may_see_scores (for everybody: not while
-- the round is still being scored), keeping who,
-- what, which row and when; once the round moves to the panel the values show. The events
-- themselves are unchanged, so the hash chain is unaffected.
create function api.audit_trail(p_table text default null, p_action text default null, p_actor uuid default null,
                                 p_row_id text default null, p_from timestamptz default null, p_to timestamptz default null,
                                 p_before_id bigint default null, p_limit int default 100, p_application_id uuid default null,
                                 p_export boolean default false)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_reader text := private.require_audit_reader();
  v_events jsonb;
  v_score_values text[] := array['score', 'comment', 'weighted_total'];
  v_application text := p_application_id::text;
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform private.refuse('P0001', 'limit_out_of_range', 'Ask for between 1 and 500 events at a time.', 'limit', null, jsonb_build_object('max', 500));
  end if;
  if p_from is not null and p_to is not null and p_from > p_to then
    perform private.refuse('P0001', 'dates_wrong_way_round', 'The "from" date must be on or before the "to" date.', 'from');
  end if;
  -- A download of the filtered trail (p_export) is recorded as an export of it, a page at a time.
  perform private.record_read(case when p_export then 'export' else 'read' end, 'audit trail', null, null, jsonb_strip_nulls(jsonb_build_object(
    'table', p_table, 'action', p_action, 'actor', p_actor, 'row_id', p_row_id, 'application_id', p_application_id,
    'from', p_from, 'to', p_to, 'before_id', p_before_id)));
  with page as materialized (
    select * from private.audit_events e
    where (p_table is null or e.table_name = p_table) and (p_action is null or e.action = p_action)
      and (p_actor is null or e.actor = p_actor) and (p_row_id is null or e.row_id = p_row_id)
      and (v_application is null
           or (e.table_name = 'applications' and e.row_id = v_application)
           or coalesce(e.new_values, e.old_values) ->> 'application_id' = v_application)
      and (p_from is null or e.at >= p_from) and (p_to is null or e.at < p_to)
      and (p_before_id is null or e.id < p_before_id)
    order by e.id desc limit p_limit
  ), shown as (
    -- Whether the scores of each round with a score event on this page may be seen now: asked
    -- once a round, not once an event.
    select r.id, private.may_see_scores(r.id) as shown from private.rounds r
    where r.id in (select (coalesce(pg.new_values, pg.old_values) ->> 'round_id')::uuid from page pg
                   where pg.table_name in ('scores', 'score_submissions'))
  )
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', e.id, 'at', e.at, 'actor', e.actor, 'actor_name', p.display_name, 'actor_role', e.actor_role,
      'action', e.action, 'table_name', e.table_name, 'row_id', e.row_id,
      'old_values', case when e.table_name in ('application_contacts', 'online_applications') and v_reader <> 'officer' and e.old_values is not null
                         then jsonb_build_object('application_id', e.old_values -> 'application_id', 'redacted', true)
                         when not sc.shown and e.old_values is not null
                         then (e.old_values - v_score_values) || jsonb_build_object('redacted', 'until scoring closes')
                         else e.old_values end,
      'new_values', case when e.table_name in ('application_contacts', 'online_applications') and v_reader <> 'officer' and e.new_values is not null
                         then jsonb_build_object('application_id', e.new_values -> 'application_id', 'redacted', true)
                         when not sc.shown and e.new_values is not null
                         then (e.new_values - v_score_values) || jsonb_build_object('redacted', 'until scoring closes')
                         else e.new_values end,
      'details', e.details, 'prev_hash', e.prev_hash, 'hash', e.hash,
      'names', private.audit_names(coalesce(e.old_values, '{}') || coalesce(e.new_values, '{}'), e.row_id)) order by e.id desc), '[]')
  into v_events
  from page e
  left join private.people p on p.id = e.actor
  left join shown sc on e.table_name in ('scores', 'score_submissions')
                    and sc.id = (coalesce(e.new_values, e.old_values) ->> 'round_id')::uuid;
  return jsonb_build_object('events', v_events,
    'next_before_id', case when jsonb_array_length(v_events) = p_limit then (v_events -> (p_limit - 1) ->> 'id')::bigint end);
end
$$;

select private.grant_api(array['audit_trail'], array['authenticated', 'service_role']);

-- Walks every lane from its first event, in id order: each event must name the previous
-- event's hash in its lane, and its own hash must match its contents. Also checks each lane
-- reaches its recorded head, so events cut off the end are noticed too. 'head' is one digest of
-- all the lanes' heads, as a checkpoint signs them.
create function api.verify_audit_chain()
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  e private.audit_events;
  h private.audit_chain_head;
  v_lanes int := private.audit_lanes();
  v_prev text[] := array_fill(repeat('0', 64), array[v_lanes]);
  v_last bigint[] := array_fill(null::bigint, array[v_lanes]);
  v_counts bigint[] := array_fill(0::bigint, array[v_lanes]);
  v_newest bigint;
  v_count bigint := 0;
  v_head_newest bigint := (select max(last_id) from private.audit_chain_head);
  v_i int;
begin
  perform private.require_audit_reader();
  for e in select * from private.audit_events order by id loop
    if e.lane is null or e.lane < 0 or e.lane >= v_lanes then
      return jsonb_build_object('intact', false, 'first_broken_event', e.id, 'events_checked', v_count,
        'reason', 'This event is in no lane of the chain: it was added from outside.');
    end if;
    v_i := e.lane + 1;
    if e.prev_hash is distinct from v_prev[v_i] then
      return jsonb_build_object('intact', false, 'first_broken_event', e.id, 'events_checked', v_count,
        'reason', 'This event does not follow on from the one before it: an earlier event was changed or removed.');
    end if;
    if e.hash is distinct from private.audit_event_hash(e.prev_hash, e.id, e.at, e.actor, e.actor_role, e.action, e.table_name,
                                                        e.row_id, e.old_values, e.new_values, e.details, e.lane, e.salt) then
      return jsonb_build_object('intact', false, 'first_broken_event', e.id, 'events_checked', v_count,
        'reason', 'This event was changed after it was written: its contents no longer match its hash.');
    end if;
    v_prev[v_i] := e.hash;
    v_last[v_i] := e.id;
    v_counts[v_i] := v_counts[v_i] + 1;
    v_newest := e.id;
    v_count := v_count + 1;
  end loop;
  if coalesce(v_newest, 0) < coalesce(v_head_newest, 0) then
    return jsonb_build_object('intact', false, 'first_broken_event', coalesce(v_newest, 0) + 1, 'events_checked', v_count,
      'reason', format('The chain ends at event %s, but its recorded head is event %s: the newest events are missing.',
                       coalesce(v_newest, 0), v_head_newest));
  end if;
  for h in select * from private.audit_chain_head order by lane loop
    v_i := h.lane + 1;
    if h.last_hash is distinct from v_prev[v_i] or h.last_id is distinct from v_last[v_i] or h.events <> v_counts[v_i] then
      return jsonb_build_object('intact', false, 'first_broken_event', coalesce(v_last[v_i], 0) + 1, 'events_checked', v_count,
        'reason', format('Lane %s of the chain ends at event %s, but its recorded head is event %s: events at its end are missing.',
                         h.lane, coalesce(v_last[v_i], 0), coalesce(h.last_id, 0)));
    end if;
  end loop;
  if (select count(*) from private.audit_chain_head) <> v_lanes then
    return jsonb_build_object('intact', false, 'first_broken_event', coalesce(v_newest, 0) + 1, 'events_checked', v_count,
      'reason', 'A lane of the chain has lost its head.');
  end if;
  return jsonb_build_object('intact', true, 'events', v_count, 'head_id', v_newest, 'lanes', v_lanes,
    'head', (select private.audit_heads_digest(array_agg(h2.last_hash order by h2.lane)) from private.audit_chain_head h2));
end
$$;

select private.grant_api(array['verify_audit_chain'], array['authenticated', 'service_role']);

/** Section - Public awards */

-- Public: awards Cabinet made in rounds that have been published. Nothing else of a round is public.
create function api.published_awards(p_fund_slug text default null)
returns table (reference text, organisation_name text, project_title text, amount numeric, decided_on date,
               fund_slug text, fund_name text, round_id uuid, round_title text)
language sql
stable
security definer
set search_path = ''
as $$
  select a.reference, a.organisation_name, a.project_title, d.amount, d.decided_on, f.slug, f.name, r.id, r.title
  from private.cabinet_decisions d
  join private.applications a on a.id = d.application_id
  join private.rounds r on r.id = a.round_id
  join private.funds f on f.id = r.fund_id
  where r.state = 'published' and d.decision = 'award' and (p_fund_slug is null or f.slug = p_fund_slug)
  order by d.decided_on desc, f.name, a.reference
$$;

select private.grant_api(array['published_awards'], array['anon', 'authenticated', 'service_role']);

-- A name as a web-safe slug, for recipients with no charity or company number.
create function private.slug(p_text text)
returns text
language sql
immutable
set search_path = ''
as $$
  select btrim(regexp_replace(lower(p_text), '[^a-z0-9]+', '-', 'g'), '-')
$$;

-- Whole months from a project's start to its end, a part month counted as one: 360Giving's
-- "Planned Dates:Duration (months)".
create function private.months_between(p_start date, p_end date)
returns int
language sql
immutable
set search_path = ''
as $$
  select (extract(year from a) * 12 + extract(month from a) + case when extract(day from a) > 0 then 1 else 0 end)::int
  from (select age(p_end + 1, p_start) as a) x
$$;

-- Public: a published round's awards as a 360Giving data package: the package's metadata (title,
-- identifier, issued and modified, publisher, licence) and one grant record per award, with the
-- identifiers src/lib/grants/giving360.ts uses: the council as funder "GB-LAE-OXF", grants
-- "360G-OCC-WT-<reference>", recipients "GB-CHC-<charity number>", "GB-COH-<company number>", or
-- "360G-OCC-WT-ORG-<name as a slug>" for a group with neither. The description is the officer's
-- plain-English summary, written to be shared; contact details are never included. The recipient's
-- postcode and the project's planned dates go in when the application gave them; the beneficiary
-- location is the area the application names (no geographic code is made up from a postcode). A
-- round with no awards has no package: 360Giving requires at least one grant in one.
create function api.grant_round_360giving(p_round_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_round private.rounds := (select r from private.rounds r where r.id = p_round_id and r.state = 'published');
  v_fund private.funds;
  v_stamp text;
begin
  if v_round.id is null then
    perform private.refuse('PT404', 'published_round_not_found', 'We could not find a published grant round with that id.');
  end if;
  if not exists (select 1 from private.cabinet_decisions d where d.round_id = v_round.id and d.decision = 'award') then
    perform private.refuse('PT404', 'round_has_no_awards', 'This round made no awards, so it has no 360Giving data.');
  end if;
  select * into v_fund from private.funds f where f.id = v_round.fund_id;
  v_stamp := to_char(v_round.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  return jsonb_build_object(
    'round_id', v_round.id, 'round_title', v_round.title, 'published_at', v_round.published_at,
    'fund', jsonb_build_object('slug', v_fund.slug, 'name', v_fund.name),
    'title', format('Oxfordshire County Council: %s grants, %s', v_fund.name, v_round.title),
    'description', format('Grants awarded by the Cabinet in the %s round %s, on the recommendation of a panel of residents and councillors.',
                          v_fund.name, v_round.title),
    'identifier', 'OCC-WT-' || v_round.reference_prefix,
    'issued', v_stamp,
    'modified', v_stamp,
    'publisher', jsonb_build_object('identifier', 'GB-LAE-OXF', 'name', 'Oxfordshire County Council'),
    'license', 'https://creativecommons.org/licenses/by/4.0/',
    'grants', (select jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
        'id', '360G-OCC-WT-' || a.reference,
        'title', a.project_title,
        'description', coalesce(a.summary, a.project_title),
        'currency', 'GBP',
        'amountAppliedFor', a.amount_requested,
        'amountAwarded', d.amount,
        'awardDate', d.decided_on,
        'dateModified', v_stamp,
        'plannedDates', case when a.planned_start is not null then jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
          'startDate', a.planned_start, 'endDate', a.planned_end,
          'duration', case when a.planned_end is not null then private.months_between(a.planned_start, a.planned_end) end))) end,
        'beneficiaryLocation', case when a.area <> '' then jsonb_build_array(jsonb_build_object('name', a.area, 'countryCode', 'GB')) end,
        'grantProgramme', jsonb_build_array(jsonb_build_object('code', v_fund.slug, 'title', v_fund.name || ': ' || v_round.title)),
        'fundingOrganization', jsonb_build_array(jsonb_build_object('id', 'GB-LAE-OXF', 'name', 'Oxfordshire County Council')),
        'recipientOrganization', jsonb_build_array(jsonb_strip_nulls(jsonb_build_object(
          'id', case when a.charity_number is not null then 'GB-CHC-' || a.charity_number
                     when a.company_number is not null then 'GB-COH-' || a.company_number
                     else '360G-OCC-WT-ORG-' || private.slug(a.organisation_name) end,
          'name', a.organisation_name, 'charityNumber', a.charity_number, 'companyNumber', a.company_number,
          'postalCode', a.recipient_postcode)))))
        order by a.reference)
      from private.cabinet_decisions d join private.applications a on a.id = d.application_id
      where a.round_id = v_round.id and d.decision = 'award'));
end
$$;

select private.grant_api(array['grant_round_360giving'], array['anon', 'authenticated', 'service_role']);

/** Section - Closing the private helpers */

-- Per-schema default privileges cannot take away what PUBLIC gets globally, so the private
-- helpers of every grants migration would still be executable by anyone who could reach the
-- schema. Nobody outside can (no usage on `private`), but revoke it anyway: the api functions
-- run them as their owner. This is the last grants migration, so it covers them all.
revoke execute on all functions in schema private from public;
