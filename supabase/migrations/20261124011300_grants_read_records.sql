-- Every read of confidential data leaves a read record (DESIGN.md). api.round_conflicts shows
-- each member's conflicts of interest with their reasons, which are about the members' own
-- lives and work, so a look at it is recorded too. It was `stable`, which cannot write, so it
-- becomes `volatile` (PostgREST then calls it only by POST, as supabase-js's rpc does).
--
-- Already recorded, and tested: api.open_application_pack ('application pack'),
-- api.officer_application ('application with contact details'), api.round_results ('panel
-- results'), api.review_recommendations ('recommendations'), api.export_round_report (an
-- export), api.audit_trail ('audit trail').
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

create or replace function api.round_conflicts(p_round_id uuid)
returns jsonb
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  perform private.require_panel_lead(p_round_id, 'see the conflicts of interest declared');
  perform private.record_read('read', 'conflicts of interest', p_round_id);
  return private.conflicts_data(p_round_id);
end
$$;
