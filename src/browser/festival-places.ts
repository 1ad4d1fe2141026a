// The live part of a festival edition's page: places left in each session, or that it is full
// and has a waiting list, and the way to book. The page around it lists the programme without
// JavaScript; this fills #festival-places (marked data-island) from the public API.
import type { FestivalSessions } from '../lib/api/festival';
import { placesHtml } from '../lib/festival-places.ts';
import { publicRpc } from '../lib/public-rpc.ts';

const box = document.getElementById('festival-places');
const edition = box?.dataset['edition'];
if (box && edition) {
  publicRpc<FestivalSessions>('festival_sessions', { p_edition: edition })
    .then((festival) => {
      box.innerHTML = placesHtml(festival, edition);
    })
    .catch(() => {
      box.innerHTML =
        '<p class="govuk-body">We could not find out how many places are left just now. You can still book by email or phone.</p>';
    });
}
