"""The conference screen: overview, invitees and replies, preparation, programme and venues, exports."""
