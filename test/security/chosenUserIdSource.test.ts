import { botFrameworkOrigin } from '../../src/channels/turnOrigin';

/**
 * Attack: on Azure Web Chat / Direct Line the client chooses its own `from.id`. When a verified
 * non-Teams channel's `from.id` was the per-source bucket, a script took a fresh id per conversation
 * and so a fresh bucket: the per-source limit never paused it. Only Teams names its user (the
 * verified aadObjectId); every other verified channel is one bucket, `channel:<id>` (its requests
 * all come from Azure's shared service address, so the address tells no more).
 */
describe('when a verified Azure channel other than Teams brings a turn', () => {
  const verified = (channelId: string, fromId: string) =>
    botFrameworkOrigin({ channelId, from: { id: fromId, name: '' } }, { tokenVerified: true, clientAddress: '52.1.2.3' });

  test('then a new from.id per conversation is still the same source', () => {
    expect(verified('webchat', 'attacker-1').source).toBe(verified('webchat', 'attacker-2').source);
    expect(verified('directline', 'a').source).toBe(verified('directline', 'b').source);
  });

  test('then the source is the channel, whatever id or address the request has', () => {
    expect(verified('webchat', 'anyone')).toEqual({ channel: 'webchat', source: 'channel:webchat' });
    expect(verified('directline', 'anyone').source).toBe('channel:directline');
    expect(verified('webchat', 'x').source).not.toBe(verified('directline', 'x').source);
  });

  test('then a Teams user is still counted by the verified identity, and an unverified request by its address', () => {
    const teams = botFrameworkOrigin(
      { channelId: 'msteams', from: { id: 'whatever', name: '' } },
      { tokenVerified: true, identity: { channel: 'msteams', externalId: 'aad-1' }, clientAddress: '52.1.2.3' },
    );
    expect(teams).toEqual({ channel: 'msteams', source: 'msteams:aad-1' });
    expect(
      botFrameworkOrigin({ channelId: 'webchat', from: { id: 'x', name: '' } }, { tokenVerified: false, clientAddress: '198.51.100.7' }),
    ).toEqual({
      channel: 'emulator',
      source: 'address:198.51.100.7',
    });
  });
});
