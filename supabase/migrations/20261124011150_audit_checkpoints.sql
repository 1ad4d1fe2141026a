-- Signed checkpoints of the audit chain. Whoever holds the database can rewrite an event and
-- recompute every later hash and the lane heads, and api.verify_audit_chain() will answer
-- intact: the hashes have no secret and the heads live in the same database. A checkpoint is
-- every lane's head (hash, count, newest id) and the time, signed with an Ed25519 key the
-- database never holds (the Edge Function audit-checkpoint in production, supabase/local/
-- checkpoints.ts in the stand-in), and published outside the database. The verifier
-- (src/lib/audit/verify-checkpoints.ts, `npm run audit:verify`) checks the chain against every
-- published checkpoint: a rewrite of anything a checkpoint covers no longer matches it.
--
-- The copy kept here is a convenience (a list to show); the published copies are the evidence.

-- ===== The stored checkpoints =====

create table private.audit_checkpoints (
  id bigserial primary key,
  -- The signed statement, exactly as signed (its text), and its Ed25519 signature (base64url).
  statement text not null check (length(statement) < 100000),
  signature text not null check (length(signature) < 200),
  key_id text not null check (length(key_id) < 200),
  recorded_at timestamptz not null default now()
);
alter table private.audit_checkpoints enable row level security;
revoke all on table private.audit_checkpoints from public, anon, authenticated;
-- Checkpoints are not audit events (storing one would move the heads it just signed); like the
-- events themselves they can only be added.
create trigger audit_checkpoints_append_only before update or delete on private.audit_checkpoints
  for each row execute function private.refuse_audit_change();
create trigger audit_checkpoints_no_truncate before truncate on private.audit_checkpoints
  for each statement execute function private.refuse_truncate();

-- ===== For the signer (service role only) =====

-- The heads to sign. It waits for every lane's lock (FOR SHARE) before reading the clock, so any
-- event timed before `at` has committed and is counted here: an event is timed only once its
-- transaction holds its lane's lock, and holds it until commit. A forged event dated before a
-- checkpoint but missing from it is therefore evidence of tampering.
create function api.audit_checkpoint_heads()
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_lanes jsonb;
begin
  perform 1 from private.audit_chain_head order by lane for share;
  select jsonb_agg(jsonb_build_object('lane', h.lane, 'events', h.events, 'last_id', h.last_id, 'hash', h.last_hash) order by h.lane)
  into v_lanes from private.audit_chain_head h;
  return jsonb_build_object(
    'at', to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'events', (select sum((l ->> 'events')::bigint) from jsonb_array_elements(v_lanes) l),
    'head', private.audit_heads_digest(array(select l ->> 'hash' from jsonb_array_elements(v_lanes) l)),
    'lanes', v_lanes);
end
$$;

-- Keeps a copy of a signed checkpoint. The database cannot check the signature (it has no key
-- and needs none): the verifier does, against the published copies.
create function api.record_audit_checkpoint(p_statement text, p_signature text, p_key_id text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  v_id bigint;
begin
  insert into private.audit_checkpoints (statement, signature, key_id) values (p_statement, p_signature, p_key_id)
  returning id into v_id;
  return jsonb_build_object('id', v_id);
end
$$;

-- ===== For the verifier (service role only) =====

-- The chain, a page at a time in id order: each event's lane, hashes and the exact text its hash
-- was taken over (with the salt, which is why this is for the service role only). The verifier
-- recomputes sha256(prev_hash || text) itself rather than trusting this database's answer.
create function api.audit_chain_export(p_after_id bigint default 0, p_limit int default 1000)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_events jsonb;
begin
  if p_limit is null or p_limit < 1 or p_limit > 5000 then
    perform private.refuse('P0001', 'limit_out_of_range', 'Ask for between 1 and 5000 events at a time.', 'limit', null, jsonb_build_object('max', 5000));
  end if;
  select coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'lane', e.lane, 'prev_hash', e.prev_hash, 'hash', e.hash,
      'text', private.audit_event_text(e.prev_hash, e.id, e.at, e.actor, e.actor_role, e.action, e.table_name, e.row_id,
                                       e.old_values, e.new_values, e.details, e.lane, e.salt)) order by e.id), '[]')
  into v_events
  from (select * from private.audit_events e where e.id > coalesce(p_after_id, 0) order by e.id limit p_limit) e;
  return jsonb_build_object('events', v_events, 'lanes', private.audit_lanes());
end
$$;

select private.grant_api(array['audit_checkpoint_heads', 'record_audit_checkpoint', 'audit_chain_export'], array['service_role']);
revoke execute on all functions in schema private from public;
