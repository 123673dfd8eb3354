from __future__ import annotations

from headway.meetings import note_views, session_views

urlpatterns = [*session_views.urlpatterns, *note_views.urlpatterns]
