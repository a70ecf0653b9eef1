from django.urls import path

from .views import agenda, cancel, dashboard, extract, inbox, notice, present, publish, record, verify

app_name = "meetings"
urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("logg/", dashboard.audit_log, name="audit_log"),
    path("moten/nytt/", agenda.meeting_new, name="meeting_new"),
    path("moten/<int:pk>/", agenda.agenda, name="agenda"),
    path("moten/<int:pk>/uppgifter/", agenda.meeting_edit, name="meeting_edit"),
    path("moten/<int:pk>/stall-in/", cancel.meeting_cancel, name="meeting_cancel"),
    path("moten/<int:pk>/punkter/ny/", agenda.item_add, name="item_add"),
    path("moten/<int:pk>/punkter/aterupptag/", agenda.item_carry_over, name="item_carry_over"),
    path("moten/<int:pk>/punkter/overlamnad/", inbox.forwarding_receive, name="forwarding_receive"),
    path("moten/<int:pk>/ordning/", agenda.reorder, name="reorder"),
    path("moten/<int:pk>/kallelse/", notice.notice_preview, name="notice_preview"),
    path("moten/<int:pk>/kallelse/skicka/", notice.notice_send, name="notice_send"),
    path("moten/<int:pk>/kallelse/skicka-igen/<int:person_pk>/", notice.notice_resend, name="notice_resend"),
    path("moten/<int:pk>/narvaro/", record.attendance, name="attendance"),
    path("moten/<int:pk>/narvarande-som-medlemmar/", present.present_as_members, name="present_as_members"),
    path("moten/<int:pk>/anteckningar/", record.record, name="record"),
    path("moten/<int:pk>/publicera/", publish.publish, name="publish"),
    path("moten/<int:pk>/justerare/", verify.name_verifiers, name="name_verifiers"),
    path("justerare/<int:pk>/justerat/", verify.record_verified, name="record_verified"),
    path("punkter/<int:pk>/", agenda.item_edit, name="item"),
    path("punkter/<int:pk>/utdrag.pdf", extract.extract_document, {"kind": "pdf"}, name="extract_pdf"),
    path("punkter/<int:pk>/utdrag.docx", extract.extract_document, {"kind": "docx"}, name="extract_docx"),
    path("punkter/<int:pk>/expediera/", extract.dispatch, name="extract_dispatch"),
    path("punkter/<int:pk>/expediera/granska/", extract.dispatch_preview, name="extract_preview"),
    path("punkter/<int:pk>/expediera/skicka/", extract.dispatch_send, name="extract_send"),
    path("punkter/<int:pk>/flytta/", agenda.item_move, name="item_move"),
    path("punkter/<int:pk>/underpunkt/", agenda.subitem_add, name="subitem_add"),
    path("punkter/<int:pk>/ta-bort/", agenda.item_remove, name="item_remove"),
    path("punkter/<int:pk>/bilagor/", agenda.attachment_add, name="attachment_add"),
    path("punkter/<int:pk>/anteckna/", record.record_item, name="record_item"),
    path("punkter/<int:pk>/enligt-forslag/", record.adopt_proposals, name="adopt_proposals"),
    path("moten/<int:pk>/alla-enligt-forslag/", record.adopt_remaining, name="adopt_remaining"),
    path("inkommande/<int:pk>/", inbox.inbox, name="inbox"),
    path("inkommande/arenden/<int:pk>/avvisa/", inbox.forwarding_dismiss, name="forwarding_dismiss"),
    path("bilagor/<int:pk>/ta-bort/", agenda.attachment_remove, name="attachment_remove"),
    path("bilagor/<int:pk>/offentlig/", agenda.attachment_set_public, name="attachment_set_public"),
]

