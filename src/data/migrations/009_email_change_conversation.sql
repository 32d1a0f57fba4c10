-- Bilgi Güncelle (issue 21, item 11): the conversation an e-mail change was asked from, so it can be
-- told once the link is confirmed, as reset_links.conversation is for a new security word. A Bot
-- Framework conversation reference (where the chat is, never what was said in it); null for links
-- issued before this column, which then tell no conversation.
ALTER TABLE email_change_links ADD COLUMN conversation jsonb;
