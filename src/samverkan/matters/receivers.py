"""What the matters app does when the meetings app reports a change."""

from .models import Matter, MatterItem
from .services import link_item, open_matter


def join_forwarded_matter(sender, forwarding, item, acting_user=None, **kwargs) -> None:
    """An item taken up from another body's forwarding joins the matters of the forwarded item.

    A forwarded item that belongs to no matter opens one, of the receiving body, with both items:
    a forwarding is a matter running across bodies, and its timeline shows both.
    """
    earlier = forwarding.item
    matters = list(Matter.objects.filter(links__item=earlier, links__state=MatterItem.State.CONFIRMED))
    if not matters:
        open_matter(earlier.title, body=forwarding.to_body, items=[earlier, item], acting_user=acting_user)
        return
    for matter in matters:
        link_item(matter, item, acting_user=acting_user)
