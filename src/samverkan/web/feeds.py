"""An Atom feed per body of its published minutes, for readers and journalists who follow a body."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from samverkan.directory.models import Body
from samverkan.language.dates import swedish_date
from samverkan.meetings.models import Meeting

from .organisation import current_organisation

FEED_SIZE = 50


class BodyMinutesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Body, slug=slug)

    def title(self, body):
        return f"Publicerade minnesanteckningar – {body.display_name}"

    def subtitle(self, body):
        return f"Minnesanteckningar från {body.name}, senast publicerade först."

    def link(self, body):
        return reverse("calendar:public", args=[body.slug])

    def author_name(self):
        return current_organisation().name

    def items(self, body):
        return (Meeting.objects.filter(body=body, published_at__isnull=False)
                .select_related("body").order_by("-published_at", "-pk")[:FEED_SIZE])

    def item_title(self, meeting):
        when = swedish_date(meeting.date) if meeting.date else "utan datum"
        return f"Minnesanteckningar {meeting.body.display_name} {when}"

    def item_description(self, meeting):
        return f"{meeting.body.name}, möte {swedish_date(meeting.date) if meeting.date else 'utan datum'}."

    def item_link(self, meeting):
        return meeting.get_absolute_url()

    def item_pubdate(self, meeting):
        return meeting.published_at

    def item_updateddate(self, meeting):
        return meeting.published_at
