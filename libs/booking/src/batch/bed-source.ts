import { registerEnumType } from '@nestjs/graphql';

/** Where a batch's beds come from. */
export enum BedSource {
  GENERAL = 'GENERAL',
  ALLOTMENT = 'ALLOTMENT',
}

registerEnumType(BedSource, {
  name: 'BedSource',
  valuesMap: {
    GENERAL: { description: "The base's general capacity." },
    ALLOTMENT: { description: "An allotment (room block) held for the batch's region under its agreement." },
  },
});
