"""Find a path between two children or entities (analysts, police and the front door: the path names
adults). Every search is audited with what was asked and found."""

from __future__ import annotations

from django import forms
from django.shortcuts import render

from joinedup.identity import entity_events, paths, triage
from joinedup.web.forms.base import error_summary
from joinedup.web.path_queries import path_picture
from joinedup.web.permissions import require_role


class PathForm(forms.Form):
    start = forms.CharField(label="From", max_length=20, help_text="A child (for example C-00012) or an entity (E-00034)")
    end = forms.CharField(label="To", max_length=20, help_text="A child or an entity")
    time_order = forms.BooleanField(label="Only paths whose concerns are in time order", required=False)
    every_link = forms.BooleanField(
        label="Follow every link, not only those that count as harm (shared schools, bus stations, relatives)", required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start"].error_messages["required"] = "Enter the child or entity to start from"
        self.fields["end"].error_messages["required"] = "Enter the child or entity to find a path to"

    def _node(self, name):
        value = self.cleaned_data[name]
        try:
            return paths.node_reference(paths.parse_node(value))
        except paths.PathError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_start(self):
        return self._node("start")

    def clean_end(self):
        return self._node("end")


@require_role(triage.WORKS_ALERTS)
def find_path(request):
    form = PathForm(request.GET) if "start" in request.GET else PathForm()
    context = {"form": form, "searched": False, "max_steps": paths.MAX_STEPS}
    status = 200
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            path = paths.find_path(data["start"], data["end"], time_order=data["time_order"], every_link=data["every_link"])
        except paths.PathError as error:
            form.add_error("start" if data["start"] in str(error) else "end", str(error))
            path = None
        if not form.errors:
            picture = path_picture(path) if path else None
            entity_events.record_path_search(
                request.user, data["start"], data["end"], time_order=data["time_order"], every_link=data["every_link"],
                found=tuple(paths.node_reference(n) for n in path.nodes) if path else (),
            )
            context.update(searched=True, picture=picture, network=picture.network_data() if picture else None)
    if form.errors:
        status = 400
    context["error_summary"] = error_summary(form) if form.is_bound else None
    return render(request, "web/path_finder.html", context, status=status)
