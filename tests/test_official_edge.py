"""An official's press that fails is still answered: a case id to the admin chat and to the official."""

from __future__ import annotations

from tests.client import Client


async def test_a_failing_press_is_answered_with_a_case_id(tmp_path, monkeypatch):
    client = Client(tmp_path, officials=(2001,))

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(client.services.backoffice, "press", broken)
    answer = await client.official(2001, "Cán bộ Hòa").press_data("ox")
    client.close()
    assert answer.alert and "mã sự cố" in answer.toast
    case = answer.toast.split("mã sự cố ")[1].split(")")[0]
    assert [m.text for m in client.admin] == [answer.messages[0].text] and case in client.admin[0].text
    assert "disk on fire" not in answer.toast + client.admin[0].text
