// The Co-production Tree on /tree/: the approved leaves, read live from the API, drawn as the
// picture and written out as the list beside it. Without JavaScript the page still explains the
// tree and how to add a leaf.
import type { TreeLeaf } from '../lib/api/tree';
import { publicRpc } from '../lib/public-rpc.ts';
import { leafListHtml } from '../lib/tree/leaf-list.ts';
import { treeSvg } from '../lib/tree/picture.ts';

const picture = document.getElementById('tree-picture');
const list = document.getElementById('tree-leaves');
if (picture && list) {
  publicRpc<TreeLeaf[]>('tree_leaves')
    .then((leaves) => {
      picture.innerHTML = treeSvg(leaves);
      list.innerHTML = leafListHtml(leaves);
    })
    .catch(() => {
      list.innerHTML = '<p class="govuk-body">We could not load the leaves just now. Try again in a few minutes.</p>';
    });
}
