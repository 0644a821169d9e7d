// Keyboard moves for vertical sortable lists (@dnd-kit): Up/Down jump the lifted item to
// the centre of the previous/next item. dnd-kit's own sortableKeyboardCoordinates steps by
// measured rects that are measured lazily after the drag starts (and shift with scrolling
// and variable heights), so a quick key press could be lost or land back on the item itself.
// Here the layout is read from dnd-kit's measured rects where it has them and from the live
// DOM otherwise, so every press lands on a neighbour.
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

export const listKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects, droppableContainers } }) => {
  if (event.code !== 'ArrowUp' && event.code !== 'ArrowDown') return undefined;
  event.preventDefault();
  if (!collisionRect) return undefined;
  const rects = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id) ?? c.node.current?.getBoundingClientRect() ?? null)
    .filter((r): r is NonNullable<typeof r> => r !== null)
    .sort((a, b) => a.top - b.top);
  if (rects.length === 0) return undefined;
  const centre = collisionRect.top + collisionRect.height / 2;
  // The slot the item is over now: the rect whose centre is nearest.
  let here = 0;
  rects.forEach((r, i) => {
    if (Math.abs(r.top + r.height / 2 - centre) < Math.abs(rects[here]!.top + rects[here]!.height / 2 - centre)) here = i;
  });
  const target = rects[here + (event.code === 'ArrowUp' ? -1 : 1)];
  if (!target) return undefined;
  return { x: collisionRect.left, y: target.top + target.height / 2 - collisionRect.height / 2 };
};
