from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from headway.accounts.http import current_user
from headway.replies.access import get_about
from headway.replies.services import page_of, reply_add


@login_required
@require_POST
def reply(request: HttpRequest, pk: int, target: str, target_pk: int) -> HttpResponse:
    about = get_about(current_user(request), pk, target, target_pk)
    try:
        reply_add(about=about, by=current_user(request), text=request.POST.get("text", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, "Sent. They will see it here, and hear by email that you wrote.")
    return redirect(page_of(about))
