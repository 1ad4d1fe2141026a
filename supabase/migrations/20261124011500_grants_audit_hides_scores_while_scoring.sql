-- Scoring is independent: until a round leaves `scoring`, nobody but the member who gave them
-- sees its scores. The audit trail showed the values (score, comment, weighted total) of every
-- score event to officers and scrutiny as soon as they were written. Now, for everybody, the
-- trail leaves those values out of the events of a round that is still being scored, keeping
-- who, what, which row and when; once the round moves to the panel the values show. The events
-- themselves are unchanged, so the hash chain and api.verify_audit_chain are unaffected.

create or replace function api.audit_trail(p_table text default null, p_action text default null, p_actor uuid default null,
                                            p_row_id text default null, p_from timestamptz default null, p_to timestamptz default null,
                                            p_before_id bigint default null, p_limit int default 100)
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
begin
  if p_limit is null or p_limit < 1 or p_limit > 500 then
    perform private.fail('P0001', 'Ask for between 1 and 500 events at a time.');
  end if;
  perform private.record_read('read', 'audit trail', null, null, jsonb_strip_nulls(jsonb_build_object(
    'table', p_table, 'action', p_action, 'actor', p_actor, 'row_id', p_row_id, 'from', p_from, 'to', p_to, 'before_id', p_before_id)));
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
