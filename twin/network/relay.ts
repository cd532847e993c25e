// Carries what the twin sends to a modeled host (a syslog server at 198.18.10.60:514, say) to
// the real socket that stands in for that host: the lab says where each modeled service really
// listens (a receiver on loopback), and the relay sends real UDP datagrams or a real TCP stream
// there. Messages to a service with no stand-in go nowhere, as to a host that is not there.
import { createSocket } from 'node:dgram';
import type { Socket as UdpSocket } from 'node:dgram';
import { connect } from 'node:net';
import { canonicalIpv6, isIpv6 } from '../../fixtures/addresses.ts';
import type { Socket } from 'node:net';

export interface ServiceAddress { address: string; protocol: 'udp' | 'tcp'; port: number }
export interface Endpoint { host: string; port: number }

/** One spelling per address: 2001:DB8:10:0::60 and 2001:db8:10::60 are the same host. */
function canonical(address: string): string {
  return canonicalIpv6(address).toLowerCase();
}

const key = (s: ServiceAddress) => `${s.protocol}/${canonical(s.address)}/${s.port}`;

export class Relay {
  readonly #standIns = new Map<string, Endpoint>();
  readonly #streams = new Map<string, Socket>();
  /** One connected UDP socket per stand-in: it takes datagrams from that peer only, listens for no one. */
  readonly #datagrams = new Map<string, { socket: UdpSocket; ready: boolean; waiting: Buffer[] }>();
  /** Messages sent, with whether a stand-in took them (for the lab's own view). */
  readonly sent: Array<{ to: ServiceAddress; message: string; delivered: boolean }> = [];

  /** The real endpoint standing in for a modeled service. */
  attach(service: ServiceAddress, endpoint: Endpoint): void {
    this.#standIns.set(key(service), endpoint);
    this.#streams.get(key(service))?.destroy();
    this.#streams.delete(key(service));
    this.#datagrams.get(key(service))?.socket.close();
    this.#datagrams.delete(key(service));
  }

  /**
   * Sends one syslog message: a datagram over UDP; over TCP a frame with octet counting
   * (RFC 6587: "MSG-LEN SP SYSLOG-MSG") on one connection per service.
   */
  send(to: ServiceAddress, message: string): void {
    const endpoint = this.#standIns.get(key(to));
    this.sent.push({ to: { ...to }, message, delivered: endpoint !== undefined });
    if (!endpoint) return;
    const bytes = Buffer.from(message, 'utf8');
    if (to.protocol === 'udp') {
      let channel = this.#datagrams.get(key(to));
      if (!channel) {
        const created = { socket: connectedUdp(endpoint, () => {
          created.ready = true;
          for (const waiting of created.waiting.splice(0)) created.socket.send(waiting);
        }), ready: false, waiting: [] as Buffer[] };
        channel = created;
        this.#datagrams.set(key(to), channel);
      }
      if (channel.ready) channel.socket.send(bytes);
      else channel.waiting.push(bytes);
      return;
    }
    let stream = this.#streams.get(key(to));
    if (!stream || stream.destroyed) {
      stream = connect({ host: endpoint.host, port: endpoint.port });
      // A receiver that went away loses the messages, as a real server's would.
      stream.on('error', () => stream?.destroy());
      this.#streams.set(key(to), stream);
    }
    stream.write(Buffer.concat([Buffer.from(`${bytes.length} `, 'ascii'), bytes]));
  }

  close(): void {
    for (const stream of this.#streams.values()) stream.destroy();
    this.#streams.clear();
    for (const channel of this.#datagrams.values()) channel.socket.close();
    this.#datagrams.clear();
  }
}

/**
 * A UDP socket connected to the stand-in (of its address family: a receiver on ::1 needs udp6):
 * bound only as the route to that peer needs, and taking datagrams from that peer alone.
 */
function connectedUdp(endpoint: Endpoint, ready: () => void): UdpSocket {
  const socket = createSocket(isIpv6(endpoint.host) ? 'udp6' : 'udp4');
  socket.unref();
  socket.on('error', () => { /* a datagram that cannot be sent is lost, as UDP's are */ });
  socket.connect(endpoint.port, endpoint.host, ready);
  return socket;
}
