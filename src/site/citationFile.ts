// The publication's citation records, generated from one source: the committed CITATION.cff (title, authors,
// licence, message, keywords), the release (version, commit, date of the commit), the home page's front matter
// (repository, DOI) and the papers the site has. Written into the archive as CITATION.cff and .zenodo.json, and
// read by the site for the companion's BibTeX, so that all three always agree.
import {parse as parseYaml, stringify as stringifyYaml} from "yaml";
import type {Content, Paper} from "../contract/content.js";
import type {Release} from "../contract/release.js";

/** A CITATION.cff document (CFF 1.2.0) as a plain object. */
export type Cff = Record<string, unknown>;

/**
 * The CITATION.cff of this version: the committed file's fields, with the version, the commit and its date, the
 * repository and DOI declared in content/index.md (removed when not declared), and one reference per paper.
 */
export function citationCff(committed: string | undefined, content: Content, release: Release): Cff {
  const base = ((committed === undefined ? undefined : parseYaml(committed)) ?? {}) as Cff;
  const cff: Cff = {"cff-version": "1.2.0", type: "software", title: content.home.title, ...base};
  delete cff.references;
  delete cff["repository-code"];
  delete cff.doi;
  delete cff.commit;
  delete cff["date-released"];
  if (!Array.isArray(cff.authors) || cff.authors.length === 0)
    cff.authors = [{name: `The ${content.home.title} contributors`}];
  if (cff.abstract === undefined) cff.abstract = content.home.description;
  cff.version = release.version;
  if (release.commit) cff.commit = release.commit;
  if (release.date) cff["date-released"] = release.date.slice(0, 10);
  if (content.home.repository) cff["repository-code"] = content.home.repository;
  if (content.home.doi) cff.doi = content.home.doi;
  if (content.papers.length) cff.references = content.papers.map(paperReference);
  return cff;
}

/** CITATION.cff text, keys in the order CFF files usually have. */
export function formatCff(cff: Cff): string {
  const order = [
    "cff-version",
    "message",
    "type",
    "title",
    "abstract",
    "authors",
    "version",
    "commit",
    "date-released",
    "doi",
    "repository-code",
    "url",
    "license",
    "keywords",
    "references"
  ];
  const sorted = Object.fromEntries(
    Object.keys(cff)
      .sort((a, b) => rank(order, a) - rank(order, b) || a.localeCompare(b))
      .map((k) => [k, cff[k]])
  );
  return stringifyYaml(sorted, {lineWidth: 0});
}

/** The .zenodo.json of this version (Zenodo's deposit metadata), from the same CITATION.cff. */
export function zenodoJson(cff: Cff, content: Content): string {
  const authors = (Array.isArray(cff.authors) ? cff.authors : []) as Record<string, string>[];
  const creators = authors.map((a) => ({
    name: a.name ?? [a["family-names"], a["given-names"]].filter(Boolean).join(", ")
  }));
  const related = content.papers.flatMap((paper) => {
    const ids: {identifier: string; relation: string; scheme: string; resource_type: string}[] = [];
    if (paper.arxiv)
      ids.push({
        identifier: `arXiv:${paper.arxiv.replace(/v\d+$/, "")}`,
        relation: "isSupplementTo",
        scheme: "arxiv",
        resource_type: "publication-preprint"
      });
    return ids;
  });
  if (typeof cff["repository-code"] === "string") {
    related.push({
      identifier: cff["repository-code"],
      relation: "isSupplementTo",
      scheme: "url",
      resource_type: "software"
    });
  }
  const record: Record<string, unknown> = {
    title: cff.title,
    upload_type: "software",
    description: cff.abstract,
    creators,
    version: cff.version,
    ...(cff["date-released"] ? {publication_date: cff["date-released"]} : {}),
    ...(typeof cff.license === "string" ? {license: cff.license.toLowerCase()} : {}),
    ...(Array.isArray(cff.keywords) ? {keywords: cff.keywords} : {}),
    ...(related.length ? {related_identifiers: related} : {}),
    ...(typeof cff.doi === "string" ? {doi: cff.doi} : {})
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** Splits "Given Family" into CFF name fields; a single word is a family name. */
export function cffPerson(name: string): Record<string, string> {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return {"family-names": words[0]};
  return {"family-names": words.at(-1)!, "given-names": words.slice(0, -1).join(" ")};
}

function paperReference(paper: Paper): Cff {
  const reference: Cff = {
    type: paper.booktitle || (paper.venue && !/arxiv/i.test(paper.venue)) ? "conference-paper" : "article",
    title: paper.title,
    authors: paper.authors.map(cffPerson)
  };
  if (paper.year !== undefined) reference.year = paper.year;
  if (paper.booktitle || (paper.venue && !/arxiv/i.test(paper.venue)))
    reference["collection-title"] = paper.booktitle ?? paper.venue;
  if (paper.arxiv) {
    const id = paper.arxiv.replace(/v\d+$/, "");
    reference.identifiers = [{type: "other", value: `arXiv:${id}`, description: "arXiv identifier"}];
    reference.url = `https://arxiv.org/abs/${id}`;
  }
  return reference;
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}
