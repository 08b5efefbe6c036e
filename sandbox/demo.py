"""The demo world `make run` starts: the bot's accounts, two citizens, two officials, their group and a Zalo citizen."""

from __future__ import annotations

from sandbox.server import SandboxServer

TOKEN = "100000:sandbox-motcua-token"
ADMIN_CHAT = -1001
CITIZENS = ((1001, "Chị Lan"), (1002, "Anh Minh"))
OFFICIALS = ((2001, "Cán bộ Hòa"), (2002, "Cán bộ Tâm"))
ZALO_TOKEN = "200000:sandbox-zalo-token"
ZALO_CITIZENS = (("zalo-3001", "Chị Hoa (Zalo)"),)


def populate(server: SandboxServer) -> None:
    """Add the demo bots, people and the officials' group to a (not yet started) sandbox."""
    server.add_bot(TOKEN, "motcua_bot", "Một cửa")
    for user_id, name in CITIZENS + OFFICIALS:
        server.state.add_user(name, user_id=user_id, language_code="vi")
    server.state.add_group(
        "Trung tâm Phục vụ hành chính công – cán bộ", chat_id=ADMIN_CHAT,
        members=[user_id for user_id, _ in OFFICIALS], bot_status="administrator",
    )
    server.add_zalo_bot(ZALO_TOKEN, "Một cửa trên Zalo")
    for user_id, name in ZALO_CITIZENS:
        server.zalo.world.add_user(name, user_id=user_id)
