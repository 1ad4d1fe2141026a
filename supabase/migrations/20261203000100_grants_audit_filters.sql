-- The audit viewer lets officers and scrutiny filter by person and by application, chosen by
-- name, title or reference rather than by typing an id. api.list_people is for officers only and
-- carries email addresses, so audit readers get their own list: names and ids of people, and
-- reference and title of applications, nothing else. These appear in the trail itself already.
--
-- api.audit_trail gains p_application_id: every event about that application, not only those on
-- its own row (scores, conflict declarations, reads of its pack, recommendations and decisions
-- all carry its id as application_id). The old function is dropped first so no two versions
-- exist side by side (PostgREST could not choose between them); its body is otherwise unchanged.

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

drop function api.audit_trail(text, text, uuid, text, timestamptz, timestamptz, bigint, int);

create function api.audit_trail(p_table text default null, p_action text default null, p_actor uuid default null,
                                 p_row_id text default null, p_from timestamptz default null, p_to timestamptz default null,
                                 p_before_id bigint default null, p_limit int default 100, p_application_id uuid default null)
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
    perform private.fail('P0001', 'Ask for between 1 and 500 events at a time.');
  end if;
  if p_from is not null and p_to is not null and p_from > p_to then
    perform private.fail('P0001', 'The "from" date must be on or before the "to" date.');
  end if;
  perform private.record_read('read', 'audit trail', null, null, jsonb_strip_nulls(jsonb_build_object(
    'table', p_table, 'action', p_action, 'actor', p_actor, 'row_id', p_row_id, 'application_id', p_application_id,
    'from', p_from, 'to', p_to, 'before_id', p_before_id)));
  select coalesce(jsonb_agg(jsonb_build_object(
      'id', e.id, 'at', e.at, 'actor', e.actor, 'actor_name', p.display_name, 'actor_role', e.actor_role,
      'action', e.action, 'table_name', e.table_name, 'row_id', e.row_id,
      'old_values', case when e.table_name = 'application_contacts' and v_reader <> 'officer' and e.old_values is not null
                         then jsonb_build_object('application_id', e.old_values -> 'application_id', 'redacted', true)
                         when sc.state = 'scoring' and e.old_values is not null
                         then (e.old_values - v_score_values) || jsonb_build_object('redacted', 'until scoring closes')
                         else e.old_values end,
      'new_values', case when e.table_name = 'application_contacts' and v_reader <> 'officer' and e.new_values is not null
                         then jsonb_build_object('application_id', e.new_values -> 'application_id', 'redacted', true)
                         when sc.state = 'scoring' and e.new_values is not null
                         then (e.new_values - v_score_values) || jsonb_build_object('redacted', 'until scoring closes')
                         else e.new_values end,
      'details', e.details, 'prev_hash', e.prev_hash, 'hash', e.hash) order by e.id desc), '[]')
  into v_events
  from (select * from private.audit_events e
        where (p_table is null or e.table_name = p_table) and (p_action is null or e.action = p_action)
          and (p_actor is null or e.actor = p_actor) and (p_row_id is null or e.row_id = p_row_id)
          and (v_application is null
               or (e.table_name = 'applications' and e.row_id = v_application)
               or coalesce(e.new_values, e.old_values) ->> 'application_id' = v_application)
          and (p_from is null or e.at >= p_from) and (p_to is null or e.at < p_to)
          and (p_before_id is null or e.id < p_before_id)
        order by e.id desc limit p_limit) e
  left join private.people p on p.id = e.actor
  -- The state, now, of the round a score event belongs to.
  left join lateral (select r.state from private.rounds r
                     where e.table_name in ('scores', 'score_submissions')
                       and r.id = (coalesce(e.new_values, e.old_values) ->> 'round_id')::uuid) sc on true;
  return jsonb_build_object('events', v_events,
    'next_before_id', case when jsonb_array_length(v_events) = p_limit then (v_events -> (p_limit - 1) ->> 'id')::bigint end);
end
$$;

select private.grant_api(array['audit_filter_choices', 'audit_trail'], array['authenticated', 'service_role']);
