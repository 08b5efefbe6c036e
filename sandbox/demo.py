"""The demo world `make run` starts: the bot's accounts, two citizens, two offices' groups with their officials,
the supervisors' group, and a Zalo citizen.

The groups match the example offices file (bot/offices.yaml): Phường Tân Ninh's officials in -1001, Xã Tân
Biên's in -1002, a supervisor in -1009. With another offices file, ``populate`` also opens a group for each
of its admin chats (and its supervisors' chat), its officials named by their id.
"""

from __future__ import annotations

from typing import Any, Iterable

from sandbox.server import SandboxServer

TOKEN = "100000:sandbox-motcua-token"
CITIZENS = ((1001, "Chị Lan"), (1002, "Anh Minh"))
# (chat id, group title, officials (user id, name)): the offices' groups of bot/offices.yaml
OFFICE_GROUPS = (
    (-1001, "Phường Tân Ninh – cán bộ một cửa", ((2001, "Cán bộ Hòa"), (2002, "Cán bộ Tâm"))),
    (-1002, "Xã Tân Biên – cán bộ một cửa", ((2003, "Cán bộ Phúc"),)),
)
SUPERVISORS_GROUP = (-1009, "Tây Ninh – giám sát một cửa", ((2009, "Giám sát viên Thành"),))
ADMIN_CHAT = OFFICE_GROUPS[0][0]  # the first office's group (Phường Tân Ninh)
OFFICIALS = OFFICE_GROUPS[0][2]  # its officials
ZALO_TOKEN = "200000:sandbox-zalo-token"
ZALO_CITIZENS = (("zalo-3001", "Chị Hoa (Zalo)"),)


def groups(offices: Any = None) -> list[tuple[int, str, tuple[tuple[int, str], ...]]]:
    """Return the groups to open: the demo's, plus one per admin chat of ``offices`` (an offices registry with
    ``admin_chat``, ``officials``, ``name`` per office and ``supervisors_chat``) that the demo lacks."""
    found = [*OFFICE_GROUPS, SUPERVISORS_GROUP]
    known = {chat for chat, _, _ in found}
    names = {user_id: name for _, _, people in found for user_id, name in people}
    for office in offices or ():
        if office.admin_chat is not None and office.admin_chat not in known:
            people = tuple((user_id, names.get(user_id, f"Cán bộ {user_id}")) for user_id in sorted(office.officials))
            found.append((office.admin_chat, f"{office.name} – cán bộ", people))
            known.add(office.admin_chat)
    supervisors = getattr(offices, "supervisors_chat", None)
    if supervisors is not None and supervisors not in known:
        found.append((supervisors, "Giám sát một cửa", SUPERVISORS_GROUP[2]))
    return found


def populate(server: SandboxServer, offices: Any = None) -> None:
    """Add the demo bots, people, the offices' groups and the supervisors' group to a (not yet started) sandbox."""
    server.add_bot(TOKEN, "motcua_bot", "Một cửa")
    found = groups(offices)
    people: dict[int, str] = dict(CITIZENS)
    for _, _, members in found:
        people.update(members)
    for user_id, name in people.items():
        server.state.add_user(name, user_id=user_id, language_code="vi")
    for chat_id, title, members in found:
        server.state.add_group(title, chat_id=chat_id, members=_ids(members), bot_status="administrator")
    server.add_zalo_bot(ZALO_TOKEN, "Một cửa trên Zalo")
    for user_id, name in ZALO_CITIZENS:
        server.zalo.world.add_user(name, user_id=user_id)


def _ids(members: Iterable[tuple[int, str]]) -> list[int]:
    return [user_id for user_id, _ in members]
