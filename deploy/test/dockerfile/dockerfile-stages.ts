import { DockerfileParser, ModifiableInstruction, type Instruction } from 'dockerfile-ast';

/** One build stage: its FROM line and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  /** Name after AS, lower-cased as Docker compares it. */
  name?: string;
  /** Image reference after FROM, exactly as written. */
  image: string;
  instructions: Instruction[];
}

/** Splits a Dockerfile into its stages. */
export function parseStages(content: string): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of DockerfileParser.parse(content).getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const [image = '', ...rest] = instruction.getArguments().map((argument) => argument.getValue());
      const asIndex = rest.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ index: stages.length, image, name: asIndex >= 0 ? rest[asIndex + 1]?.toLowerCase() : undefined, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** Returns the instructions of a stage with the given keyword (RUN, COPY, USER...). */
export function instructionsOf(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
}

/** Joins the arguments of an instruction into one string, continuation lines included. */
export function argumentText(instruction: Instruction): string {
  return instruction
    .getArguments()
    .map((argument) => argument.getValue())
    .join(' ');
}

/** Flags of a COPY, ADD or HEALTHCHECK instruction, such as --from=build, by name. */
export function flagValues(instruction: Instruction): Map<string, string> {
  const flags = new Map<string, string>();
  // Only instructions that accept flags (COPY, ADD, RUN, HEALTHCHECK, FROM) extend ModifiableInstruction.
  if (instruction instanceof ModifiableInstruction) {
    for (const flag of instruction.getFlags()) {
      flags.set(flag.getName(), flag.getValue() ?? '');
    }
  }
  return flags;
}

/** Source paths of a COPY instruction: every argument but the destination (flags are not arguments). */
export function copySources(instruction: Instruction): string[] {
  return instruction
    .getArguments()
    .map((argument) => argument.getValue())
    .slice(0, -1);
}
