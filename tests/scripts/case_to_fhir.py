"""case_to_fhir.py: a case (docs/case-format.md) written as a FHIR R4 Bundle,
for tests that need many realistic records (the regression cases, as an
EHR would hold them).

Codes come from the mapping table of the FHIR reader as docs/fhir-mapping.md
prints it (generated from facts/fhir/fhir_map.c), so the bundles follow the
reader. Only what FHIR records is written: patient (sex, age, ECOG), the
cancer (site, histology, stage, recurrence, metastases), tumour markers,
drugs (status, last dose), radiotherapy, surgery and chemotherapy received,
planned elective surgery, adverse events with their grade. Wishes,
symptoms, fitness, imaging, recurrence sites and the like have no FHIR
element the reader uses (docs/fhir-mapping.md, "Not read"): they are left
out, so a converted case is read as a smaller case; the bundle, not the
original case, is what the tests compare.
"""
import datetime
import re

RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"


def mapping_tables(path):
    """{section title: [(system, code, display, value, extra)]} of the page."""
    tables, section = {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            section = line[4:].strip()
            tables[section] = []
        elif section and line.startswith("| ") and not line.startswith("| system") \
                and not line.startswith("| ---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) >= 6:
                tables[section].append((cells[0], cells[1].strip("`"), cells[2], cells[3],
                                        cells[4]))
    return tables


class Converter:
    def __init__(self, mapping_md):
        self.t = mapping_tables(mapping_md)

    def _row(self, section_prefix, value, extra=None):
        for title, rows in self.t.items():
            if not title.startswith(section_prefix):
                continue
            for system, code, display, val, ext in rows:
                if "*" in code:
                    continue
                if val == value and (extra is None or extra in ext.split()):
                    return {"system": system, "code": code, "display": display}
        return None

    def _concept(self, section_prefix, value, extra=None):
        row = self._row(section_prefix, value, extra)
        return {"coding": [row]} if row else None

    def bundle(self, case, as_of, bundle_id):
        day = datetime.date.fromisoformat(as_of)
        pid = "p-" + re.sub(r"[^A-Za-z0-9.-]", "-", bundle_id)[:60]
        subject = {"reference": "Patient/" + pid}
        out = []
        n = [0]

        def add(resource):
            n[0] += 1
            resource.setdefault("id", "r%d" % n[0])
            if resource["resourceType"] != "Patient":
                resource["subject"] = subject
            out.append(resource)

        def date(days_ago):
            return (day - datetime.timedelta(days=days_ago)).isoformat()

        patient = case.get("patient", {})
        p = {"resourceType": "Patient", "id": pid}
        if patient.get("sex") in ("female", "male"):
            p["gender"] = patient["sex"]
        if isinstance(patient.get("age"), int):
            # born a little after the birthday: whole years on as_of
            p["birthDate"] = date(patient["age"] * 365 + patient["age"] // 4 + 30)
        add(p)
        if isinstance(patient.get("ecog"), int):
            add({"resourceType": "Observation", "status": "final",
                 "code": self._concept("Observation.code of the ECOG", ""),
                 "effectiveDateTime": date(7), "valueInteger": patient["ecog"]})

        cancer = case.get("cancer", {})
        site = cancer.get("site")
        cond = {"resourceType": "Condition",
                "verificationStatus": {"coding": [{
                    "system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                    "code": "confirmed"}]},
                "clinicalStatus": self._concept("Condition.clinicalStatus",
                                                "recurrent" if cancer.get("recurrent")
                                                else "use"),
                "code": self._concept("Condition.code of a primary cancer", site)}
        histology = self._concept("Condition extension", cancer.get("histology"))
        if histology:
            cond["extension"] = [{"url": MCODE + "mcode-histology-morphology-behavior",
                                  "valueCodeableConcept": histology}]
        stage = self._concept("stage group value", cancer.get("stage"))
        if stage:
            cond["stage"] = [{"summary": stage}]
        if cond["code"]:
            add(cond)
        for met in cancer.get("metastases", []):
            if met == "distant-lymph-nodes":
                row = next((r for r in self.t.get("Condition.code of lymph-node spread", [])
                            if site in r[4].split()), None)
                code = {"coding": [{"system": row[0], "code": row[1], "display": row[2]}]} \
                    if row else None
            else:
                code = self._concept("Condition.code of a secondary cancer", met)
            if code:
                add({"resourceType": "Condition", "code": code,
                     "verificationStatus": cond["verificationStatus"]})

        for marker, value in sorted(case.get("biomarkers", {}).items()):
            code = self._concept("Observation.code of a tumour marker", marker)
            result = self._concept("tumour marker result", value)
            if code and result:
                add({"resourceType": "Observation", "status": "final", "code": code,
                     "effectiveDateTime": date(30), "valueCodeableConcept": result})

        for med in case.get("medications", []):
            agent = med.get("name") if med.get("agent") == "other" else med.get("agent")
            if not agent:
                continue
            concept = self._concept("Medication code", agent) or \
                {"text": agent.replace("-", " ")}
            ms = {"resourceType": "MedicationStatement",
                  "status": "active" if med.get("status") == "active" else "completed",
                  "medicationCodeableConcept": concept}
            if ms["status"] == "completed" and isinstance(med.get("last_dose_days_ago"), int):
                ms["effectivePeriod"] = {"start": date(med["last_dose_days_ago"] + 90),
                                         "end": date(med["last_dose_days_ago"])}
            add(ms)

        for t in case.get("prior_treatments", []):
            kind = t.get("type")
            proc = {"resourceType": "Procedure", "status": "completed",
                    "performedPeriod": {"start": date(400), "end": date(360)}}
            if kind in ("radiation", "chemoradiation", "brachytherapy"):
                modality = self._row("radiotherapy course",
                                     "brachytherapy" if kind == "brachytherapy"
                                     else "radiation")
                proc["code"] = self._concept("Procedure / ServiceRequest", "radiation")
                proc["extension"] = [{"url": MCODE + "mcode-radiotherapy-modality-and-technique",
                                      "extension": [{"url": MCODE + "mcode-radiotherapy-modality",
                                                     "valueCodeableConcept": {
                                                         "coding": [modality]}}]}]
                region = self._concept("Procedure.bodySite",
                                       "pelvis" if t.get("region") == "pelvis"
                                       else t.get("region"))
                if region:
                    proc["bodySite"] = [region]
            elif kind in ("surgery", "chemotherapy"):
                proc["code"] = self._concept("Procedure / ServiceRequest", kind)
            else:
                continue  # hormonal, anti-HER2, ...: recorded as drugs in FHIR
            add(proc)

        for plan in case.get("planned_procedures", []):
            if plan.get("type") != "elective-surgery":
                continue
            sr = {"resourceType": "ServiceRequest", "status": "active", "intent": "order",
                  "priority": "routine",
                  "category": [self._concept("Procedure / ServiceRequest", "surgery")],
                  "code": {"text": "planned surgery"}}
            if isinstance(plan.get("days_from_now"), int):
                sr["occurrenceDateTime"] = date(-plan["days_from_now"])
            add(sr)

        for ae in case.get("adverse_events", []):
            event = self._concept("AdverseEvent.event", ae.get("type"))
            if not event:
                continue
            res = {"resourceType": "AdverseEvent", "actuality": "actual", "event": event}
            grade = self._concept("CTCAE grade", str(ae.get("grade")))
            if grade:
                res["extension"] = [{"url": "http://hl7.org/fhir/us/ctcae/StructureDefinition/"
                                            "ctcae-grade", "valueCodeableConcept": grade}]
            add(res)
        return {"resourceType": "Bundle", "id": bundle_id, "type": "collection",
                "entry": [{"fullUrl": "urn:uuid:%s-%s" % (pid, r["id"]), "resource": r}
                          for r in out]}
