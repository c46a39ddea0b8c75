/** The machine a benchmark ran on, recorded beside its figures: times mean little without it. */
import { readFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';

export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machineInfo(): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1].trim();
  } catch {
    /* not Linux */
  }
  return 'unknown';
}

export function describeMachine(m: MachineInfo): string {
  return `${m.cpus} cores, ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date.slice(0, 10)}`;
}
