"""The follow-through's section on a matter's page (registered with samverkan.matters.sections)."""

from django.template.loader import render_to_string

from samverkan.matters.selectors import can_edit_matter

from .selectors import can_edit_recommendation, chain, matter_recommendations


def matter_chain_section(request, matter) -> str:
    """Each recommendation of the matter with its chain to the organisations, and for the matter's
    secretariat a way to follow the matter up; "" when there is nothing to show."""
    chains = [(chain(recommendation, request.user), can_edit_recommendation(request.user, recommendation))
              for recommendation in matter_recommendations(matter, request.user)]
    editable = can_edit_matter(request.user, matter) and matter.body_id is not None
    if not chains and not editable:
        return ""
    return render_to_string("followup/_matter_section.html",
                            {"chains": chains, "matter": matter, "can_follow_up": editable}, request=request)
